package dev.renacer.bench.gate;

import dev.renacer.bench.compare.Change;
import dev.renacer.bench.compare.JmhResult;
import dev.renacer.bench.compare.Verdict;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Criterion's unpaired comparison (--baseline) on the same recorded A/A rounds: the base jar's runs
 * as the baseline, the head jar's (the same build, interleaved in time) as the new run: no
 * regression; the head's made 10% slower: "Performance has regressed."
 */
class RecordedChangeTest {
    /** Per recorded benchmark, the verdict of the head's rounds against the base's. */
    private static List<Verdict> verdicts(UnaryOperator<JmhResult> headChange) throws Exception {
        List<RecordedRounds.Round> rounds = RecordedRounds.load(headChange);
        return rounds.get(0).head().keySet().stream().map(id -> {
            double[] base = rounds.stream().mapToDouble(r -> r.base().get(id).runScoreNanos()).toArray();
            double[] head = rounds.stream().mapToDouble(r -> r.head().get(id).runScoreNanos()).toArray();
            return Change.of(base, head, Change.DEFAULT_NOISE, 11L).verdict();
        }).toList();
    }

    @Test
    void aaIsNoRegression() throws Exception {
        assertThat(verdicts(UnaryOperator.identity())).isNotEmpty().doesNotContain(Verdict.REGRESSED);
    }

    @Test
    void tenPercentSlowerHasRegressed() throws Exception {
        assertThat(verdicts(r -> r.scaled(1.10))).isNotEmpty().containsOnly(Verdict.REGRESSED);
    }
}
