package dev.renacer.cli;

import dev.renacer.syscall.decode.SyscallDecoder;
import dev.renacer.trace.TracerThread;

/**
 * Start-up work that every trace needs and that depends on no option, done on a second thread from main's first
 * line while the main thread reads the options with picocli (the longest part of a start, README, Performance,
 * Start-up): this run's private directory and JNA's native part in it ({@link Main#keepNativeLibrariesPrivate}),
 * the syscall, errno and flag tables (parsed from text), the decoders they feed, JNA, the signal library and the
 * launch trampoline. Only class initialisation, a decoder that is thrown away and the two shipped binaries' sealed
 * copies, which the trace would make the same way; the main thread {@link #await awaits} it before it touches any of
 * those itself: nothing is shared, the trace is the same.
 */
final class Warmup implements Runnable {
    private final Thread thread = new Thread(this, "renacer-warmup"); // not a lambda: main's first invokedynamic would bootstrap java.lang.invoke on the critical path
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

    @Override
    public void run() {
        try {
            Main.keepNativeLibrariesPrivate(); // before anything loads JNA
            new SyscallDecoder((tid, address, dst, offset, length) -> -1, 32); // the tables and every decoder
            Class.forName("com.sun.jna.Native"); // its native library, loaded once
        } catch (Throwable e) {
            failure = e;
            return;
        }
        try { // each is made once and kept; a failure here is met again, and reported, where the trace needs it
            dev.renacer.linux.SignalLibrary.load();
            dev.renacer.linux.Trampoline.path();
            // the tracer thread's first calls: JNA's registration of the direct-mapped libc (reflection over every
            // native method), the errno table
            Class.forName("dev.renacer.linux.DescriptorLibC", true, Warmup.class.getClassLoader());
            dev.renacer.syscall.Errno.number("EINTR");
        } catch (Throwable e) {
            // left to the main thread
        }
    }

    /**
     * Waits for the warm-up to end (uninterruptibly); rethrows what it failed with, an IOException (no private
     * directory) as an UncheckedIOException.
     */
    void await() {
        TracerThread.joinUninterruptibly(thread);
        Throwable e = failure;
        if (e instanceof java.io.IOException io) throw new java.io.UncheckedIOException(io);
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error r) throw r;
        if (e != null) throw new IllegalStateException(e);
    }
}
