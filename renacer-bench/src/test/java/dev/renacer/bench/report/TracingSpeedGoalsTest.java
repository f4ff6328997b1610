package dev.renacer.bench.report;

import static dev.renacer.bench.report.GoalAssertions.assertGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's goals from a recorded run (src/test/resources/recorded/tracing-speed-goals.json, JMH's JSON with
 * its derived statistics left out: the whole-process ptrace benchmarks on syscall_heavy 20000 with their
 * anchors and start-up, the four other fixtures at rounds=1000, and otlp_file beside basic_tracing at
 * rounds=166667, as docs/benchmarks.md runs them). The expected figures were worked out from the JSON's
 * raw samples by hand (mean of the iterations; cpuNanos / cpuRuns; tracedSyscalls / tracedRuns).
 */
class TracingSpeedGoalsTest {
    private static final String MILLION_RATIO = "1.27x (41.175 s / 32.444 s)";

    static List<JmhResult> recorded() throws Exception {
        return GoalAssertions.recorded("tracing-speed-goals.json");
    }

    /** All 12 goals: five modes, four other fixtures, the filter, start-up, --otlp-file. */
    private static List<Goals.Goal> goals(List<JmhResult> run) {
        return GoalAssertions.judged(TracingSpeedGoals::of, run, 12);
    }

    @Test
    void theRecordedRunsFiguresAndVerdicts() throws Exception {
        List<Goals.Goal> g = goals(recorded());
        // 4.653 s over strace's 3.807 s; 4.017 s of CPU over 120,031 calls
        assertGoal(g, "renacer / strace, -o (basic_tracing", "1.22 (4.653 s / 3.807 s); cpu 33469 vs 25045 ns/syscall; idle poll 3.009 ms vs 3.379 ms/run", "not met");
        assertGoal(g, "renacer / strace, --format json (json_tracing", "1.45 (4.498 s / 3.109 s)", "not met");
        assertGoal(g, "renacer / strace, --otlp-file (otlp_file", "1.68 (5.623 s / 3.349 s)", "not met");
        assertGoal(g, "renacer <= strace in every mode (threaded_heavy",
                "worst --otlp-file 3.50 at rounds=1000 (-o 2.23, -c 2.02, -T 1.38, --format json 2.82, --otlp-file 3.50)", "not met");
        assertGoal(g, "renacer -e trace=unlink / strace --seccomp-bpf", "2.21 (1.744 s / 790.006 ms); cpu 75001 vs 38752 ns/syscall", "not met");
        assertGoal(g, "Start-up", "826.884 ms (strace 9.441 ms); cpu 573.378 ms", "not met");
        // 41.175 s against 32.444 s at 1,000,033 calls per run, 1,000,034 spans exported per run
        assertGoal(g, "--otlp-file / -o /dev/null on a million syscalls",
                MILLION_RATIO + ", 0 spans dropped per run, at 1.00M syscalls/run (rounds=166667); cpu 38487 vs 30120 ns/syscall", "not met");
    }

    @Test
    void aRenacerFiveTimesFasterMeetsTheThirdAndParityButNotWhereAModeIsMissing() throws Exception {
        List<JmhResult> run = recorded().stream().map(r -> isRenacer(r) ? r.scaled(0.2) : r).toList();
        List<Goals.Goal> g = goals(run);
        assertGoal(g, "renacer / strace, -o (basic_tracing", "0.24 (930.588 ms / 3.807 s)", "met");
        assertGoal(g, "renacer / strace, -c (with_statistics", "0.41", "not met"); // 6.248 s x 0.2 over 3.027 s
        assertGoal(g, "renacer <= strace in every mode (threaded_heavy", "worst --otlp-file 0.70", "met");
        assertGoal(g, "Start-up", "165.377 ms", "not met");
        List<Goals.Goal> without = goals(run.stream().filter(not(r -> r.method().equals("json_tracing")
                && "threaded_heavy".equals(r.params().get("fixture")))).toList());
        assertGoal(without, "renacer <= strace in every mode (threaded_heavy", "worst --otlp-file 0.70 at rounds=1000 (-o 0.45, -c 0.40, -T 0.28, --format json -,",
                "not measured");
        assertGoal(without, "renacer / strace, --format json (json_tracing", "0.29", "met");
    }

    @Test
    void aDroppedSpanFailsTheOtlpGoalAtAnySize() throws Exception {
        List<JmhResult> run = recorded().stream().map(r -> r.method().equals("otlp_file") ? withSecondary(r, "spansDropped", 7309) : r).toList();
        assertGoal(goals(run), "--otlp-file / -o /dev/null on a million syscalls", MILLION_RATIO + ", 3655 spans dropped per run", "not met");
        List<JmhResult> small = run.stream().filter(not(r -> "166667".equals(r.params().get("rounds")))).toList();
        assertGoal(goals(small), "--otlp-file / -o /dev/null on a million syscalls", "1.21x (5.623 s / 4.653 s), 3655 spans dropped per run, at 120.0K",
                "not met");
    }

    @Test
    void underAMillionCallsTheOtlpGoalIsShownButNotJudged() throws Exception {
        List<JmhResult> run = recorded().stream().filter(not(r -> "166667".equals(r.params().get("rounds")))).toList();
        assertGoal(goals(run), "--otlp-file / -o /dev/null on a million syscalls",
                "1.21x (5.623 s / 4.653 s), 0 spans dropped per run, at 120.0K syscalls/run (rounds=20000), under the goal's million: not judged",
                "not measured");
    }

    @Test
    void withoutTheAnchorsNothingIsMeasuredAndARunWithoutThemHasNoSuchGoals() throws Exception {
        List<JmhResult> run = recorded().stream().filter(not(r -> r.method().startsWith("strace_"))).toList();
        List<Goals.Goal> g = goals(run);
        assertGoal(g, "renacer / strace, -o (basic_tracing", "-", "not measured");
        assertGoal(g, "renacer <= strace in every mode (io_heavy", "-", "not measured");
        assertGoal(g, "Start-up", "826.884 ms; cpu", "not met");
        List<JmhResult> inProcess = JmhJson.read(Path.of(getClass().getResource("/recorded/ebpf-goals.json").toURI()));
        assertThat(TracingSpeedGoals.measured(new Results(inProcess))).isFalse();
        assertThat(Goals.of(new Results(inProcess))).noneMatch(x -> x.metric().startsWith("renacer / strace, -o"));
        assertThat(Goals.of(new Results(recorded()))).anyMatch(x -> x.metric().startsWith("Start-up"));
    }

    @Test
    void anAnchorsSyscallsAreItsRenacerBenchmarksAndAnIdleMachineWithoutCpuidleShowsNoPolling() throws Exception {
        List<JmhResult> run = recorded();
        RunCosts costs = new RunCosts(run);
        JmhResult strace = find(run, "strace_basic_tracing", "syscall_heavy", "20000");
        assertThat(costs.line(strace)).isEqualTo(
                "wall 3.807 s, cpu 3.006 s per run; 25045 ns cpu per syscall (120031 syscalls/run, basic_tracing's count); idle poll 3.379 ms/run");
        JmhResult filteredMulti = find(run, "strace_filtered_tracing", "multi_process", "1000");
        assertThat(costs.line(filteredMulti)).doesNotContain("per syscall"); // multi_process unlinks nothing: 0 calls traced
        List<JmhResult> alone = run.stream().filter(not(r -> r.method().equals("basic_tracing"))).toList();
        assertThat(new RunCosts(alone).of(strace).syscallsFrom()).isNull();
        JmhResult noCpuidle = withSecondary(withSecondary(strace, "idlePollRuns", 0), "idlePollNanos", 0);
        assertThat(costs.line(noCpuidle)).doesNotContain("idle poll");
    }

    private static JmhResult find(List<JmhResult> run, String method, String fixture, String rounds) {
        return new Results(run).find(RunCosts.SUITE + method, Map.of("fixture", fixture, "rounds", rounds)).orElseThrow();
    }

    private static boolean isRenacer(JmhResult r) {
        return r.params().containsKey("backend") || r.method().equals("startup");
    }

    private static <T> Predicate<T> not(Predicate<T> p) {
        return p.negate();
    }

    /** {@code r} with the secondary metric's total set to {@code total} (in its first iteration). */
    static JmhResult withSecondary(JmhResult r, String name, double total) {
        Map<String, double[]> sec = new TreeMap<>(r.secondary());
        double[] v = new double[sec.get(name).length];
        v[0] = total;
        sec.put(name, v);
        return new JmhResult(r.benchmark(), r.params(), r.mode(), r.unit(), r.samples(), r.invocationMedian(), sec);
    }
}
