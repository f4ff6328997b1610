package dev.renacer.stats;

/**
 * One syscall's line of the summary. Times in nanoseconds, of the time counted (system time, or wall time with -w).
 *
 * @param latency the extended statistics, or null without --stats-extended
 */
public record SummaryRow(int number, String name, long calls, long errors, long totalNanos, long minNanos,
                         long maxNanos, LatencyProfile latency) {
    /** Mean time per call in nanoseconds, truncated as strace's integer division does. */
    public long averageNanos() {
        return calls == 0 ? 0 : totalNanos / calls;
    }
}
