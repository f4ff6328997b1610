package dev.renacer.stats;

import org.HdrHistogram.Histogram;

/**
 * The latency distribution of one syscall for --stats-extended: an HdrHistogram of nanoseconds with
 * three significant digits (exact to the nanosecond below 2 µs, within 0.1% above, so better than a
 * microsecond for any call under a millisecond) plus running mean and variance (Welford's update, which
 * stays accurate over millions of calls where a sum of squares would lose precision).
 * Recording allocates nothing once the histogram has grown to the largest value seen.
 */
final class LatencyStats {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);   // auto-resizing
    private long count;
    private long min = Long.MAX_VALUE;
    private long max;
    private double mean;
    private double sumOfSquaredDeviations;

    void record(long nanos) {
        histogram.recordValue(nanos);
        count++;
        if (nanos < min) min = nanos;
        if (nanos > max) max = nanos;
        double delta = nanos - mean;
        mean += delta / count;
        sumOfSquaredDeviations += delta * (nanos - mean);
    }

    /** The figures at the end of the trace; outliers are calls above mean + 3 standard deviations. */
    LatencyProfile snapshot() {
        double stddev = count > 0 ? Math.sqrt(sumOfSquaredDeviations / count) : 0;
        double threshold = mean + 3 * stddev;
        long outliers = 0;
        if (stddev > 0 && threshold < max) {
            // counted at the histogram's resolution: the calls in buckets lying wholly above the threshold
            long from = (long) Math.floor(threshold) + 1;
            if (histogram.lowestEquivalentValue(from) != from) from = histogram.nextNonEquivalentValue(from);
            if (from <= max) outliers = histogram.getCountBetweenValues(from, max);
        }
        return new LatencyProfile(count == 0 ? 0 : min, mean, max, stddev, percentile(50), percentile(75),
                percentile(90), percentile(95), percentile(99), threshold, outliers);
    }

    /**
     * The histogram answers with the highest value of the bucket holding the percentile, which can lie
     * above the largest call actually seen (a p99 greater than max reads as a bug): clamp it to max.
     */
    private long percentile(double p) {
        return count == 0 ? 0 : Math.min(max, histogram.getValueAtPercentile(p));
    }
}
