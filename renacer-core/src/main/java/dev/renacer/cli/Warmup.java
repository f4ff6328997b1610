package dev.renacer.cli;

import dev.renacer.syscall.decode.SyscallDecoder;
import dev.renacer.trace.TracerThread;

/**
 * Start-up work that every trace needs and that depends on no option, done on a second thread while the
 * main thread reads the options with picocli: the syscall, errno and flag tables (parsed from text), the
 * decoders they feed, and JNA's native part. Only class initialisation and a decoder that is thrown away,
 * and the main thread {@link #await awaits} it before it touches any of those classes itself: nothing is
 * shared, the trace is the same. Measured in README, Performance, Start-up.
 */
final class Warmup {
    private final Thread thread = new Thread(this::run, "renacer-warmup");
    /** What the warm-up threw, rethrown by {@link #await}: the failure renacer would have met without it. */
    private volatile Throwable failure;

    private Warmup() {}

    /** Starts the warm-up; returns at once. */
    static Warmup start() {
        Warmup warmup = new Warmup();
        warmup.thread.setDaemon(true);
        warmup.thread.start();
        return warmup;
    }

    private void run() {
        try {
            new SyscallDecoder((tid, address, dst, offset, length) -> -1, 32); // the tables and every decoder
            Class.forName("com.sun.jna.Native"); // its native library, loaded once
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Waits for the warm-up to end (uninterruptibly); rethrows what it failed with. */
    void await() {
        TracerThread.joinUninterruptibly(thread);
        Throwable e = failure;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error r) throw r;
        if (e != null) throw new IllegalStateException(e);
    }
}
