package dev.renacer.trace;

/**
 * Runs a backend's loop on a platform thread of its own and hands back its outcome: ptrace requests are
 * only honoured from the thread that attached, and the eBPF consumer must not share a thread with the
 * caller's signal handling.
 */
public final class TracerThread {
    private TracerThread() {}

    /** A loop that returns how the trace ended. */
    public interface Body {
        TraceResult run() throws TraceException;
    }

    /** Runs {@code body} on a new thread named {@code name} and waits for it, uninterruptibly. */
    public static TraceResult run(String name, Body body) throws TraceException {
        Object[] outcome = new Object[1];
        Thread thread = new Thread(() -> {
            try {
                outcome[0] = body.run();
            } catch (TraceException | RuntimeException | Error e) {
                outcome[0] = e;
            }
        }, name);
        thread.start();
        joinUninterruptibly(thread);
        Object o = outcome[0];
        if (o instanceof TraceResult r) return r;
        if (o instanceof TraceException e) throw e;
        if (o instanceof RuntimeException e) throw e;
        throw (Error) o;
    }

    /** Waits for {@code thread} to end; an interrupt meanwhile is kept for the caller, not acted on. */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
