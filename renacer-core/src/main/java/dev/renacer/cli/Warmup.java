package dev.renacer.cli;

import dev.renacer.syscall.decode.SyscallDecoder;
import dev.renacer.trace.TracerThread;

/**
 * Start-up work that every trace needs and that depends on no option, done on a second thread from main's first
 * line while the main thread reads the options with picocli (README, Performance, Start-up): this run's private
 * directory and JNA's native part in it ({@link Main#keepNativeLibrariesPrivate}), JNA, the signal library, the
 * launch trampoline and the direct-mapped libc; and the syscall, errno and flag tables (parsed from text) with the
 * decoders they feed, on whichever thread gets to them first (the main thread, once it has read the options, when
 * the warm-up thread is still in JNA). Only class initialisation, a decoder that is thrown away and the two shipped
 * binaries' sealed copies, which the trace would make the same way; the main thread {@link #await awaits} it before
 * it touches any of those itself: nothing is shared, the trace is the same. The tables touch no JNA class and JNA's
 * part no table class, so the two threads never wait for each other's class initialisation (no deadlock).
 */
final class Warmup implements Runnable {
    private final Thread thread = new Thread(this, "renacer-warmup"); // not a lambda: main's first invokedynamic would bootstrap java.lang.invoke on the critical path
    /** What the warm-up threw, rethrown by {@link #await}: the failure renacer would have met without it. */
    private volatile Throwable failure;
    private volatile Throwable tablesFailure;
    /** Set by the thread that makes the tables ({@link #tables}). */
    private final java.util.concurrent.atomic.AtomicBoolean tablesTaken = new java.util.concurrent.atomic.AtomicBoolean();

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
        natives();
        tables(); // unless the main thread, done with the options, has taken them
    }

    /** This run's private directory, JNA and what the tracer thread would initialise first with it. */
    private void natives() {
        try {
            Main.keepNativeLibrariesPrivate(); // before anything loads JNA
            Class.forName("com.sun.jna.Native"); // its native library, loaded once
        } catch (Throwable e) {
            failure = e;
            return;
        }
        try { // each is made once and kept; a failure here is met again, and reported, where the trace needs it
            dev.renacer.linux.SignalLibrary.load();
            dev.renacer.linux.Trampoline.path();
            // the tracer thread's first calls: JNA's registration of the direct-mapped libc (reflection over every
            // native method)
            Class.forName("dev.renacer.linux.DescriptorLibC", true, Warmup.class.getClassLoader());
        } catch (Throwable e) {
            // left to the main thread
        }
    }

    /**
     * The syscall, errno and flag tables and every decoder, on whichever thread gets here first: the warm-up thread
     * after JNA, or the main thread once it has read the options (the two halves take about as long as picocli).
     */
    private void tables() {
        if (!tablesTaken.compareAndSet(false, true)) return;
        try {
            new SyscallDecoder(new dev.renacer.syscall.TraceeMemory() { // a class: see ArgDecoder on lambdas at start
                @Override
                public int read(int tid, long address, byte[] dst, int offset, int length) {
                    return -1;
                }
            }, 32);
            dev.renacer.syscall.Errno.number("EINTR");
        } catch (Throwable e) {
            tablesFailure = e;
        }
    }

    /**
     * Waits for the warm-up to end (uninterruptibly); rethrows what it failed with, an IOException (no private
     * directory) as an UncheckedIOException.
     */
    void await() {
        tables();
        TracerThread.joinUninterruptibly(thread);
        Throwable e = failure != null ? failure : tablesFailure;
        if (e instanceof java.io.IOException io) throw new java.io.UncheckedIOException(io);
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error r) throw r;
        if (e != null) throw new IllegalStateException(e);
    }
}
