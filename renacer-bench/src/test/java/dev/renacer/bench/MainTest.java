package dev.renacer.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad usage: exit 2 and one line on stderr naming what was wrong; -l lists the names. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listingShowsTheOriginalNames() {
        // JMH's list goes to System.out
        PrintStream saved = System.out;
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(listed, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("-l")).isZero();
        } finally {
            System.setOut(saved);
        }
        String l = listed.toString(StandardCharsets.UTF_8);
        for (String name : List.of("syscall_overhead.native_", "syscall_overhead.basic_tracing", "syscall_overhead.with_statistics",
                "syscall_overhead.with_timing", "syscall_overhead.full_stack", "syscall_overhead.overhead_comparison",
                "syscall_overhead.throughput", "otlp_export.individual_export", "otlp_export.batch_export",
                "otlp_export.span_creation", "otlp_export.span_serialization", "otlp_export.buffer_management",
                "otlp_export.realistic_workload", "otlp_export.queue_saturation", "otlp_export.batch_vs_individual",
                "memory_pool.heap_allocation", "memory_pool.pool_allocation", "memory_pool.pool_cycle", "memory_pool.pool_sizes",
                "memory_pool.allocation_pressure", "memory_pool.memory_footprint")) {
            assertThat(l).contains("dev.renacer.bench.suites." + name + "\n");
        }
    }

    @Test
    void aMissingBaselineIsOneLineAndExitTwo() {
        System.setProperty("renacer.baselines", System.getProperty("java.io.tmpdir") + "/renacer-bench-none");
        try {
            assertThat(run("--baseline", "main", "syscall_overhead.native")).isEqualTo(2);
        } finally {
            System.clearProperty("renacer.baselines");
        }
        assertThat(stderr()).startsWith("renacer-bench: no baseline 'main' in ").contains("--save-baseline main").hasLineCount(1);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("--baseline")).isEqualTo(2);
        assertThat(run("--noise-threshold", "5")).isEqualTo(2);
        assertThat(run("--save-baseline", "../x")).isEqualTo(2);
        assertThat(run("-f", "notanumber")).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(4).allMatch(l -> l.startsWith("renacer-bench: "));
    }

    @Test
    void noMatchingBenchmarkIsAUsageError() {
        assertThat(run("no_such_benchmark_anywhere")).isEqualTo(2);
        assertThat(stderr()).startsWith("renacer-bench: no benchmark matches").hasLineCount(1);
    }

    @Test
    void gateUsageErrorsExitTwo() {
        assertThat(run("gate")).isEqualTo(2);
        assertThat(run("gate", "--base", "/nonexistent/benchmarks.jar")).isEqualTo(2);
        assertThat(run("gate", "--base", "pom.xml", "--threshold", "five")).isEqualTo(2);
        assertThat(run("gate", "--base", "pom.xml", "--min-rounds", "9", "--max-rounds", "3")).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(4).allMatch(l -> l.startsWith("renacer-bench: gate: "));
    }
}
