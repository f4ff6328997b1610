package dev.renacer.bench.gate;

import dev.renacer.bench.compare.JmhResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's decision on the recorded rounds of a real A/A gate run on this machine (the same jar as
 * base and head): it passes; with the head's samples made 10% slower it fails; with the tracer's
 * counts grown it fails on them alone; without counts in the base it says so and decides on time.
 */
class RecordedGateTest {
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();

    private int gate(UnaryOperator<JmhResult> headChange, UnaryOperator<JmhResult> baseChange) throws Exception {
        Rounds rounds = new Rounds(GateOptions.DEFAULT_THRESHOLD, new PrintStream(text, true, StandardCharsets.UTF_8));
        List<RecordedRounds.Round> recorded = RecordedRounds.load(headChange);
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(GateOptions.DEFAULT_MIN_ROUNDS);
        boolean first = true;
        for (RecordedRounds.Round r : recorded) {
            Map<String, JmhResult> base = new TreeMap<>(r.base());
            base.replaceAll((k, v) -> baseChange.apply(v));
            if (first) assertThat(rounds.pair(base, r.head())).isTrue();
            first = false;
            rounds.add(base, r.head());
        }
        return rounds.report(0);
    }

    private String output() {
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRecordedAaRunPasses() throws Exception {
        assertThat(gate(UnaryOperator.identity(), UnaryOperator.identity())).isEqualTo(Gate.EXIT_PASS);
        assertThat(output()).contains("gate: no regression above 5.0%").doesNotContain("Performance has regressed.")
                .contains("time:   [").contains("change: [").contains("n=").contains("not grown");
    }

    @Test
    void theSameSamplesTenPercentSlowerFail() throws Exception {
        assertThat(gate(r -> r.scaled(1.10), UnaryOperator.identity())).isEqualTo(Gate.EXIT_REGRESSION);
        assertThat(output()).contains("Performance has regressed.").contains("gate: REGRESSION in ")
                .contains("is above the 5.0% threshold");
    }

    @Test
    void moreStopsPerSyscallFailEvenWithTheSameTime() throws Exception {
        assertThat(gate(r -> withSecondary(r, "stops", 1.5), UnaryOperator.identity())).isEqualTo(Gate.EXIT_REGRESSION);
        assertThat(output()).contains("GREW (a regression)");
    }

    @Test
    void aBaseWithoutCountersIsDecidedOnTimeAlone() throws Exception {
        UnaryOperator<JmhResult> noCounters = r -> {
            Map<String, double[]> sec = new TreeMap<>(r.secondary());
            sec.keySet().removeIf(k -> k.equals("stops") || k.equals("tracedSyscalls") || k.equals("tracerSyscalls") || k.equals("tracedRuns"));
            return new JmhResult(r.benchmark(), r.params(), r.mode(), r.unit(), r.samples(), r.invocationMedian(), sec);
        };
        assertThat(gate(UnaryOperator.identity(), noCounters)).isEqualTo(Gate.EXIT_PASS);
        assertThat(output()).contains("tracer counts per syscall: not available in the base (decided on time alone)");
    }

    @Test
    void aBaseFromBeforeTheSuitesHasNothingToGate() throws Exception {
        Rounds rounds = new Rounds(GateOptions.DEFAULT_THRESHOLD, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(rounds.pair(Map.of(), RecordedRounds.load(UnaryOperator.identity()).get(0).head())).isFalse();
        assertThat(output()).contains("gate: only in head, not gated: syscall_overhead.basic_tracing/")
                .contains("gate: no selected benchmark exists in both jars: nothing to gate");
    }

    private static JmhResult withSecondary(JmhResult r, String name, double factor) {
        Map<String, double[]> sec = new TreeMap<>(r.secondary());
        double[] v = sec.get(name).clone();
        for (int i = 0; i < v.length; i++) v[i] *= factor;
        sec.put(name, v);
        return new JmhResult(r.benchmark(), r.params(), r.mode(), r.unit(), r.samples(), r.invocationMedian(), sec);
    }
}
