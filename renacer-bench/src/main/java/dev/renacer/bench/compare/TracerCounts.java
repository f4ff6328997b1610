package dev.renacer.bench.compare;

/**
 * The deterministic side of a traced benchmark, from its TracerWork counters: ptrace stops and
 * tracer syscalls (ptrace + waitpid) per traced syscall. Unlike time they do not depend on the
 * machine's load: for the same fixture they are the same from run to run.
 */
public record TracerCounts(double stopsPerSyscall, double tracerSyscallsPerSyscall) {
    /** Growth beyond this relative margin counts (multi_process's counts move by a few stops run to run). */
    public static final double TOLERANCE = 0.01;

    /** The counts of one result, or null when it has none (not traced, or a renacer from before the counters). */
    public static TracerCounts of(JmhResult r) {
        double syscalls = r.secondaryTotal("tracedSyscalls");
        if (!(syscalls > 0)) return null;
        return new TracerCounts(r.secondaryTotal("stops") / syscalls, r.secondaryTotal("tracerSyscalls") / syscalls);
    }

    /** True when either count of {@code head} exceeds {@code base}'s by more than the tolerance. */
    public static boolean grew(TracerCounts base, TracerCounts head) {
        return head.stopsPerSyscall > base.stopsPerSyscall * (1 + TOLERANCE)
                || head.tracerSyscallsPerSyscall > base.tracerSyscallsPerSyscall * (1 + TOLERANCE);
    }
}
