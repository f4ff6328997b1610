package dev.renacer.output;

/**
 * The wall clock for events that carry no timestamp (signals, exits): derived from
 * {@link System#nanoTime()} and the last syscall's pair of readings, because asking for an
 * {@code Instant} allocates and {@code currentTimeMillis} has no microseconds.
 */
final class WallClock {
    private long epochMinusMonotonic;
    private boolean known;

    void learn(long epochNanos, long monotonicNanos) {
        epochMinusMonotonic = epochNanos - monotonicNanos;
        known = true;
    }

    long epochNanos(long monotonicNanos) {
        return known ? monotonicNanos + epochMinusMonotonic : System.currentTimeMillis() * 1_000_000L;
    }
}
