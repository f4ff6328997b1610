package dev.renacer.bench.gate;

import dev.renacer.bench.compare.PairedRatios;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule on paired rounds whose true ratio and noise are known. */
class DecisionTest {
    private static PairedRatios rounds(int n, double ratio, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] base = new double[n];
        double[] head = new double[n];
        for (int i = 0; i < n; i++) {
            double drift = 1 + r.nextDouble() * 2; // the machine's load moves both jars of a round alike
            base[i] = 100 * drift * Math.exp(noise * (r.nextDouble() - 0.5));
            head[i] = 100 * ratio * drift * Math.exp(noise * (r.nextDouble() - 0.5));
        }
        return PairedRatios.of(base, head, 0.05, seed);
    }

    @Test
    void noChangeUnderDriftPasses() {
        assertThat(Decision.of(rounds(8, 1.0, 0.04, 1), 0.05)).isEqualTo(Decision.NO_REGRESSION);
    }

    @Test
    void tenPercentSlowerFails() {
        assertThat(Decision.of(rounds(8, 1.10, 0.04, 2), 0.05)).isEqualTo(Decision.REGRESSION);
    }

    @Test
    void aChangeAtTheThresholdWithWideNoiseIsUndecidedAndSaysWhatItCouldDetect() {
        PairedRatios r = rounds(6, 1.05, 0.5, 3);
        assertThat(Decision.of(r, 0.05)).isEqualTo(Decision.UNDECIDED);
        assertThat(Decision.minimumDetectableEffect(r, 0.05)).isGreaterThan(0.10);
        assertThat(Decision.minimumDetectableEffect(rounds(30, 1.05, 0.5, 3), 0.05))
                .isLessThan(Decision.minimumDetectableEffect(r, 0.05));
    }

    @Test
    void wilcoxonMustAgreeBeforeARegressionIsCalled() {
        // one huge outlier drags the mean up; the signed ranks of the other rounds show no slowdown
        double[] base = {100, 100, 100, 100, 100, 100};
        double[] head = {99, 101, 100, 99, 101, 400};
        PairedRatios r = PairedRatios.of(base, head, 0.05, 4);
        assertThat(r.pAboveThreshold()).isGreaterThan(0.05);
        assertThat(Decision.of(r, 0.05)).isNotEqualTo(Decision.REGRESSION);
    }
}
