package dev.renacer.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyStatsTest {

    /** Nearest-rank percentile, computed from the sorted durations without HdrHistogram. */
    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Test
    void percentilesMatchAnIndependentComputationToThreeSignificantDigits() {
        Random random = new Random(42);
        long[] durations = new long[20_000];
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < durations.length; i++) {
            // log-normal-ish: most calls a few µs, a tail up to milliseconds
            durations[i] = (long) (1_000 * Math.exp(random.nextGaussian() * 1.5 + 1));
            stats.record(durations[i]);
        }
        LatencyProfile p = stats.snapshot();
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        double[] percentiles = {50, 75, 90, 95, 99};
        long[] reported = {p.p50(), p.p75(), p.p90(), p.p95(), p.p99()};
        for (int i = 0; i < percentiles.length; i++) {
            long exact = nearestRank(sorted, percentiles[i]);
            assertThat(reported[i]).as("p%s", percentiles[i]).isBetween(exact, exact + exact / 1000 + 1);
        }
        double mean = Arrays.stream(durations).average().orElseThrow();
        double variance = Arrays.stream(durations).mapToDouble(d -> (d - mean) * (d - mean)).sum() / durations.length;
        assertThat(p.mean()).isCloseTo(mean, within(mean * 1e-9));
        assertThat(p.stddev()).isCloseTo(Math.sqrt(variance), within(Math.sqrt(variance) * 1e-9));
        assertThat(p.min()).isEqualTo(sorted[0]);
        assertThat(p.max()).isEqualTo(sorted[sorted.length - 1]);
        long outliers = Arrays.stream(durations).filter(d -> d > mean + 3 * Math.sqrt(variance)).count();
        assertThat(p.outliers()).isCloseTo(outliers, within(Math.max(2, outliers / 100)));
    }

    @Test
    void aSingleSlowCallAmongManyFastOnesIsTheOutlier() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 999; i++) stats.record(2_000 + i % 7);
        stats.record(900_000);
        LatencyProfile p = stats.snapshot();
        assertThat(p.outliers()).isEqualTo(1);
        assertThat(p.p99()).isLessThan(2_100);
    }

    @Test
    void noPercentileExceedsTheLongestCall() {
        LatencyStats stats = new LatencyStats();
        stats.record(4_280_324);
        stats.record(34_551);
        LatencyProfile p = stats.snapshot();
        assertThat(p.p99()).isEqualTo(4_280_324);
        assertThat(p.p50()).isBetween(34_551L, 34_551L + 35);
    }

    @Test
    void identicalDurationsHaveNoOutliers() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 10; i++) stats.record(5_000);
        LatencyProfile p = stats.snapshot();
        assertThat(p.stddev()).isZero();
        assertThat(p.outliers()).isZero();
    }
}
