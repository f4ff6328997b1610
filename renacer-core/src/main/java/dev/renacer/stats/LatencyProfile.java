package dev.renacer.stats;

/**
 * The extended statistics of one syscall (or of all), in nanoseconds. Percentiles are nearest-rank
 * values read from an HdrHistogram: the highest value equivalent to the true one at 3 significant
 * digits. min and max are exact.
 *
 * @param outlierThreshold mean + 3 standard deviations
 * @param outliers         how many calls took longer than that
 */
public record LatencyProfile(long min, double mean, long max, double stddev, long p50, long p75, long p90,
                             long p95, long p99, double outlierThreshold, long outliers) {}
