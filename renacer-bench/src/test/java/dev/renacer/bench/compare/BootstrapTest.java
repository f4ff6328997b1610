package dev.renacer.bench.compare;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {
    private static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble(), v = r.nextDouble();
            x[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    @Test
    void theMeansIntervalHoldsTheMeanAndNarrowsWithMoreSamples() {
        Estimate small = Bootstrap.mean(normal(10, 100, 10, 1), 0.95, 20_000, 5);
        Estimate large = Bootstrap.mean(normal(400, 100, 10, 2), 0.95, 20_000, 5);
        assertThat(small.lower()).isLessThan(small.point()).isLessThan(100 + 15);
        assertThat(small.upper()).isGreaterThan(small.point());
        assertThat(large.lower()).isLessThan(100).isGreaterThan(97);
        assertThat(large.upper()).isGreaterThan(100).isLessThan(103);
        assertThat(large.halfWidth()).isLessThan(small.halfWidth() / 3);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        double[] x = normal(20, 5, 1, 3);
        assertThat(Bootstrap.mean(x, 0.95, 10_000, 9)).isEqualTo(Bootstrap.mean(x, 0.95, 10_000, 9));
    }

    @Test
    void relativeChangeOfTenPercentSlowerSamplesIsTenPercentAndSignificant() {
        double[] base = normal(30, 100, 3, 4);
        double[] slower = base.clone();
        for (int i = 0; i < slower.length; i++) slower[i] *= 1.10;
        Estimate change = Bootstrap.relativeChange(base, slower, 0.95, 20_000, 6);
        assertThat(change.point()).isCloseTo(0.10, within(1e-9));
        assertThat(change.lower()).isGreaterThan(0.05);
        assertThat(Bootstrap.tTestPValue(base, slower, 20_000, 7)).isLessThan(0.05);
    }

    @Test
    void twoSamplesOfOneDistributionAreNotSignificantlyDifferent() {
        double p = Bootstrap.tTestPValue(normal(30, 100, 3, 10), normal(30, 100, 3, 11), 20_000, 8);
        assertThat(p).isGreaterThan(0.05);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(Bootstrap.percentile(sorted, 0.5)).isEqualTo(3);
        assertThat(Bootstrap.percentile(sorted, 0.125)).isEqualTo(1.5);
    }
}
