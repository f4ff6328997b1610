package dev.renacer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.bench.fixtures.ProcessRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** target/benchmarks.jar as a user runs it: save a baseline, compare with it, whole-process counters. */
class BenchmarksJarIT {
    private static final Path JAR = Path.of(System.getProperty("benchmarks.jar"));

    private record Run(int exit, String stdout, String stderr) {}

    private static Run jar(Path baselines, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drenacer.fixtures=" + System.getProperty("renacer.fixtures"), "-Djmh.ignoreLock=true", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessRun.Result r = ProcessRun.run(cmd, Map.of("RENACER_BASELINES", baselines.toString()), out);
        return new Run(r.exitCode(), out.toString(StandardCharsets.UTF_8), r.stderr());
    }

    @Test
    void aSavedBaselineHoldsTheRawSamplesAndTheMachineAndACompareRunPrintsCriterionsLines() throws Exception {
        Path baselines = Files.createTempDirectory("renacer-bench-it");
        Run save = jar(baselines, "syscall_overhead.native", "-p", "fixture=syscall_heavy", "-f", "1", "-wi", "0", "-i", "3",
                "-r", "200ms", "--save-baseline", "before");
        assertThat(save.exit()).as(save.stderr()).isZero();
        assertThat(save.stdout()).contains("syscall_overhead.native_/fixture=syscall_heavy/rounds=100\n" + " ".repeat(24) + "time:   [")
                .contains("baseline 'before' saved to " + baselines.resolve("before.json"));
        JsonNode saved = new ObjectMapper().readTree(baselines.resolve("before.json").toFile());
        assertThat(saved.path("info").path("machine").path("cores").asInt()).isPositive();
        assertThat(saved.path("info").path("jdk").path("version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(saved.path("info").path("git").path("commit").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(saved.path("jmh").get(0).path("primaryMetric").path("rawData").get(0)).hasSize(3);

        Run compare = jar(baselines, "syscall_overhead.native", "-p", "fixture=syscall_heavy", "-f", "1", "-wi", "0", "-i", "3",
                "-r", "200ms", "--baseline", "before", "--noise-threshold", "2%");
        assertThat(compare.exit()).as(compare.stderr()).isZero();
        assertThat(compare.stdout()).contains("Results against baseline 'before'").containsPattern("change: \\[[+\u2212][0-9.]+% .*\\] \\(p = [0-9.]+ [<>] 0\\.05\\)")
                .containsPattern("Performance has regressed\\.|Performance has improved\\.|No change in performance detected\\.|Change within noise threshold\\.");
    }

    @Test
    void wholeProcessRunsTheCliOfThisJarAndReadItsExactCounters() throws Exception {
        Path baselines = Files.createTempDirectory("renacer-bench-it");
        Run run = jar(baselines, "syscall_overhead.with_statistics", "-p", "fixture=multi_process", "-p", "mode=whole_process",
                "-p", "rounds=5", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "--save-baseline", "counted");
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode result = new ObjectMapper().readTree(baselines.resolve("counted.json").toFile()).path("jmh").get(0);
        JsonNode sec = result.path("secondaryMetrics");
        double runs = sec.path("tracedRuns").path("score").asDouble();
        assertThat(runs).isPositive();
        // 5 rounds of thread + fork + exec: every child's syscalls are traced under -f
        assertThat(sec.path("tracedSyscalls").path("score").asDouble() / runs).isGreaterThan(150);
        assertThat(sec.path("cpuNanos").path("score").asDouble()).isPositive();
    }

    /**
     * The eBPF backend's anchors (issue 11): bpftrace and syscount attached in setup, the fixture run per
     * invocation with its own CPU time counted, the tracer stopped in teardown (no anchor process left);
     * the eBPF text run counts the records it lost and the program's own CPU time apart from the JVM's.
     */
    @Test
    void theInKernelAnchorsRunAndStopAndTheProgramsOwnCpuTimeIsCounted() throws Exception {
        Path baselines = Files.createTempDirectory("renacer-bench-it");
        long anchorsBefore = anchorProcesses();
        Run run = jar(baselines, "syscall_overhead.(anchor_bpftrace|anchor_syscount|with_timing)", "-p", "fixture=syscall_heavy",
                "-p", "rounds=200", "-p", "backend=ebpf", "-p", "mode=in_process", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "--save-baseline", "anchors");
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(anchorProcesses()).as("anchors stopped in teardown").isEqualTo(anchorsBefore);
        Map<String, JsonNode> byMethod = new java.util.HashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(baselines.resolve("anchors.json").toFile()).path("jmh")) {
            String name = r.path("benchmark").asText();
            byMethod.put(name.substring(name.lastIndexOf('.') + 1), r.path("secondaryMetrics"));
        }
        assertThat(byMethod).containsOnlyKeys("anchor_bpftrace", "anchor_syscount", "with_timing");
        for (JsonNode sec : byMethod.values()) {
            assertThat(sec.path("programRuns").path("score").asDouble()).isPositive();
            assertThat(sec.path("programNanos").path("score").asDouble()).isPositive();
        }
        JsonNode text = byMethod.get("with_timing");
        assertThat(text.has("eventsLost")).isTrue();
        // in process, the run's CPU time is the program's and the JVM's tracer work (the consumer, the loading)
        assertThat(text.path("cpuNanos").path("score").asDouble()).isGreaterThan(text.path("programNanos").path("score").asDouble());
    }

    /** bpftrace and syscount processes on the machine now. */
    private static long anchorProcesses() {
        return ProcessHandle.allProcesses().map(p -> p.info().command().orElse(""))
                .filter(c -> c.endsWith("/bpftrace") || c.endsWith("/syscount")).count();
    }
}
