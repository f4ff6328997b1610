package dev.renacer.trace;

/**
 * The ptrace loop's own work, counted as it is done (tracer thread only): the benchmark gate's exact
 * second signal ({@link TraceResult.Counters}). Every ptrace and waitpid call of the loop goes through
 * {@link #ptrace} and the loop's one wait, so nothing is left uncounted.
 */
final class WorkCounts {
    long stops;
    long ptraceCalls;
    long waitpidCalls;
    long tracedSyscalls;

    /** A ptrace call of the loop, counted. */
    long ptrace(long request, int tid, long addr, long data) {
        ptraceCalls++;
        return dev.renacer.linux.LibC.ptrace(request, tid, addr, data);
    }

    TraceResult.Counters snapshot() {
        return new TraceResult.Counters(stops, ptraceCalls, waitpidCalls, tracedSyscalls);
    }
}
