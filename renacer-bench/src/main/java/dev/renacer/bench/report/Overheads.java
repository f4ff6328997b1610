package dev.renacer.bench.report;

import dev.renacer.bench.compare.JmhResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The syscall_overhead figures the original harness reported: per fixture, mode and tracing level,
 * overhead = (traced - native) / native * 100%, the same per traced syscall in microseconds, and
 * renacer / strace for the levels strace has.
 */
final class Overheads {
    /**
     * renacer's level benchmarks and their strace anchors (null: strace has no such mode; json_tracing's and
     * otlp_file's anchor is strace's text trace, strace having neither).
     */
    static final List<String[]> LEVELS = List.of(
            new String[] {"basic_tracing", "strace_basic_tracing"},
            new String[] {"with_statistics", "strace_with_statistics"},
            new String[] {"with_timing", "strace_with_timing"},
            new String[] {"json_tracing", "strace_json_tracing"},
            new String[] {"otlp_file", "strace_otlp_file"},
            new String[] {"filtered_tracing", "strace_filtered_tracing"},
            new String[] {"full_stack", null});
    static final List<String> MODES = List.of("in_process", "whole_process");
    static final List<String> BACKENDS = List.of("ptrace", "ebpf");

    /** One row of the table. NaN where a figure was not measured in this run. */
    record Row(String fixture, String rounds, String level, String mode, String backend, double nativeNanos, double tracedNanos,
               double syscallsPerRun, double straceNanos) {
        double overheadPercent() {
            return (tracedNanos - nativeNanos) / nativeNanos * 100;
        }

        double microsPerSyscall() {
            return (tracedNanos - nativeNanos) / syscallsPerRun / 1000;
        }

        double toStrace() {
            return tracedNanos / straceNanos;
        }
    }

    static List<Row> rows(Results results) {
        List<Row> rows = new ArrayList<>();
        for (JmhResult n : results.all()) {
            if (!n.shortName().equals("syscall_overhead.native_") || n.samples().length == 0) continue;
            Map<String, String> program = Map.of("fixture", n.params().get("fixture"), "rounds", n.params().get("rounds"));
            double nativeNanos = results.nanos(n.shortName(), program).orElseThrow();
            for (String[] level : LEVELS) {
                for (String backend : BACKENDS) {
                    for (String mode : MODES) {
                        Map<String, String> key = Map.of("fixture", program.get("fixture"), "rounds", program.get("rounds"), "mode", mode,
                                "backend", backend);
                        Optional<JmhResult> traced = results.find("syscall_overhead." + level[0], key);
                        if (traced.isEmpty()) continue;
                        double strace = level[1] == null ? Double.NaN
                                : results.nanos("syscall_overhead." + level[1], program).orElse(Double.NaN);
                        rows.add(new Row(program.get("fixture"), program.get("rounds"), level[0], mode, backend, nativeNanos,
                                results.nanos("syscall_overhead." + level[0], key).orElseThrow(), syscallsPerRun(traced.get()), strace));
                    }
                }
            }
        }
        return rows;
    }

    /** The strace anchor of a level benchmark ({@code strace_with_timing} for {@code with_timing}), null when strace has none. */
    static String anchorOf(String level) {
        for (String[] l : LEVELS) if (l[0].equals(level)) return l[1];
        return null;
    }

    /** Traced syscalls per run from the TracerWork counters (NaN without them). */
    static double syscallsPerRun(JmhResult r) {
        double runs = r.secondaryTotal("tracedRuns");
        return runs > 0 ? r.secondaryTotal("tracedSyscalls") / runs : Double.NaN;
    }
}
