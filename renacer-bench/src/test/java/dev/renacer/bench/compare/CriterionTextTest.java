package dev.renacer.bench.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Criterion.rs's exact layout: a user who greps "time:" or "change:" finds the same lines. */
class CriterionTextTest {
    @Test
    void timeLineAndChangeLineAndVerdictAsCriterionPrintsThem() {
        String m = CriterionText.measurement("syscall_overhead.native_/fixture=syscall_heavy", new Estimate(145.23e6, 147.56e6, 149.89e6), false);
        assertThat(m).isEqualTo("syscall_overhead.native_/fixture=syscall_heavy\n" + " ".repeat(24) + "time:   [145.23 ms 147.56 ms 149.89 ms]\n");
        String c = CriterionText.change(new Estimate(0.042, 0.047, 0.051), 0.001, 0.05, Verdict.REGRESSED, false, "");
        assertThat(c).isEqualTo(" ".repeat(24) + "change: [+4.2000% +4.7000% +5.1000%] (p = 0.00 < 0.05)\n"
                + " ".repeat(24) + "Performance has regressed.\n");
    }

    @Test
    void throughputGetsThrptLinesAndTheChangeBlock() {
        String m = CriterionText.measurement("otlp_export.realistic_workload", new Estimate(500, 1000, 2000), true);
        assertThat(m).contains("time:   [500.00 ns 1.0000 µs 2.0000 µs]").contains("thrpt:  [500.00 Kop/s 1.0000 Mop/s 2.0000 Mop/s]");
        String c = CriterionText.change(new Estimate(-0.5, -0.5, -0.5), 0.0, 0.05, Verdict.IMPROVED, true, "");
        assertThat(c).contains("change:\n").contains("time:   [\u221250.000% \u221250.000% \u221250.000%] (p = 0.00 < 0.05)")
                .contains("thrpt:  [+100.00% +100.00% +100.00%]").endsWith("Performance has improved.\n");
    }

    @Test
    void verdictsFollowCriterionsRule() {
        Estimate beyond = new Estimate(0.03, 0.04, 0.05);
        assertThat(Verdict.of(0.01, 0.05, beyond, 0.01)).isEqualTo(Verdict.REGRESSED);
        assertThat(Verdict.of(0.20, 0.05, beyond, 0.01)).isEqualTo(Verdict.NO_CHANGE);
        assertThat(Verdict.of(0.01, 0.05, new Estimate(0.005, 0.02, 0.03), 0.01)).isEqualTo(Verdict.WITHIN_NOISE);
        assertThat(Verdict.of(0.01, 0.05, new Estimate(-0.05, -0.04, -0.03), 0.01)).isEqualTo(Verdict.IMPROVED);
        assertThat(Verdict.WITHIN_NOISE.sentence()).isEqualTo("Change within noise threshold.");
        assertThat(Verdict.NO_CHANGE.sentence()).isEqualTo("No change in performance detected.");
    }
}
