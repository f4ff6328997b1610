package dev.renacer.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The original harness's performance goals, each with the figure measured in this run: the goals
 * table of the report, and of the README from the last full run.
 */
final class Goals {
    /**
     * A goal; {@code met} is empty when this run did not measure it. {@code metOurs}, when present, is
     * the stricter target renacer set itself beside the original's ("ours: ..."), and {@code met} the original's.
     */
    record Goal(String metric, String target, String current, Optional<Boolean> met, Optional<Boolean> metOurs) {
        Goal(String metric, String target, String current, Optional<Boolean> met) {
            this(metric, target, current, met, Optional.empty());
        }

        String status() {
            if (met.isEmpty()) return "not measured";
            if (metOurs.isEmpty() || met.get() == metOurs.get()) return met.get() ? "met" : "not met";
            return met.get() ? "met; ours not met" : "not met";
        }

        /** A CSS class for the status. */
        String statusClass() {
            return status().equals("met; ours not met") ? "partly-met" : status().replace(' ', '-');
        }
    }

    /** The levels whose renacer / strace parity (syscall_heavy 100) the original goals table carries; issue 10's goals the others. */
    private static final List<String> PARITY = List.of("basic_tracing", "with_statistics", "with_timing");
    private static final Map<String, String> SYSCALL_HEAVY = Map.of("fixture", "syscall_heavy", "rounds", "100");

    static List<Goal> of(Results r) {
        List<Goal> goals = new ArrayList<>();
        List<Overheads.Row> rows = Overheads.rows(r);
        goals.add(overhead("Basic tracing overhead (syscall_heavy, in-process)", "basic_tracing", "ptrace", 5, rows));
        goals.add(overhead("Full stack overhead (syscall_heavy, in-process)", "full_stack", "ptrace", 10, rows));
        if (rows.stream().anyMatch(x -> x.backend().equals("ebpf"))) {
            goals.add(overhead("Basic tracing overhead, eBPF backend (syscall_heavy, in-process)", "basic_tracing", "ebpf", 5, rows));
            goals.add(overhead("Statistics (-c) overhead, eBPF backend (syscall_heavy, in-process)", "with_statistics", "ebpf", 5, rows));
            goals.add(overhead("Full stack overhead, eBPF backend (syscall_heavy, in-process)", "full_stack", "ebpf", 10, rows));
        }
        Optional<Double> throughput = r.find("syscall_overhead.throughput", with(Map.of("mode", "in_process", "backend", "ptrace")))
                .map(t -> t.secondaryMean("syscalls"));
        goals.add(new Goal("Syscall throughput (syscall_heavy, in-process)", "> 100K syscalls/s",
                throughput.map(t -> count(t) + " syscalls/s").orElse("-"), throughput.map(t -> t > 100_000)));
        Optional<Double> spans = r.score("otlp_export.realistic_workload", Map.of("pipeline", "renacer"));
        goals.add(new Goal("OTLP export throughput (realistic_workload, to a loopback receiver)", "> 10K spans/s (ours: >= 1M)",
                spans.map(s -> count(s) + " spans/s").orElse("-"), spans.map(s -> s > 10_000), spans.map(s -> s >= 1_000_000)));
        Optional<Double> cycle = r.nanos("memory_pool.pool_cycle", Map.of());
        goals.add(new Goal("Pool acquire/release (pool_cycle)", "< 100 ns (ours: < 20 ns)",
                cycle.map(c -> String.format(Locale.ROOT, "%.1f ns", c)).orElse("-"), cycle.map(c -> c < 100), cycle.map(c -> c < 20)));
        Optional<Double> footprint = r.find("memory_pool.memory_footprint", Map.of("kind", "pooled"))
                .map(f -> f.secondaryMean("retainedBytes"));
        goals.add(new Goal("Memory footprint of 10K spans (memory_footprint, pooled, JOL)", "< 50 MB (ours: < 5 MB)",
                footprint.map(f -> String.format(Locale.ROOT, "%.2f MB", f / 1e6)).orElse("-"), footprint.map(f -> f < 50e6),
                footprint.map(f -> f < 5e6)));
        for (String[] level : Overheads.LEVELS) {
            if (!PARITY.contains(level[0])) continue;
            for (String mode : Overheads.MODES) {
                Optional<Overheads.Row> row = rows.stream().filter(x -> x.level().equals(level[0]) && x.mode().equals(mode)
                        && x.backend().equals("ptrace") && x.fixture().equals("syscall_heavy") && x.rounds().equals("100") && !Double.isNaN(x.straceNanos())).findFirst();
                goals.add(new Goal("renacer / strace, " + level[0] + " (syscall_heavy, " + mode.replace('_', '-') + ")", "<= 1.00",
                        row.map(x -> String.format(Locale.ROOT, "%.2f", x.toStrace())).orElse("-"),
                        row.map(x -> x.toStrace() <= 1.0)));
            }
        }
        if (EbpfGoals.measured(r)) goals.addAll(EbpfGoals.of(r));
        if (TracingSpeedGoals.measured(r)) goals.addAll(TracingSpeedGoals.of(r));
        return goals;
    }

    private static Goal overhead(String metric, String level, String backend, double targetPercent, List<Overheads.Row> rows) {
        Optional<Overheads.Row> in = pick(rows, level, "in_process", backend);
        Optional<Overheads.Row> whole = pick(rows, level, "whole_process", backend);
        String current = in.map(x -> String.format(Locale.ROOT, "%.0f%% (%.1f µs per syscall)", x.overheadPercent(), x.microsPerSyscall()))
                .orElse("-");
        if (whole.isPresent()) current += String.format(Locale.ROOT, "; whole process: %.0f%%", whole.get().overheadPercent());
        return new Goal(metric, "< " + (int) targetPercent + "%", current, in.map(x -> x.overheadPercent() < targetPercent));
    }

    private static Optional<Overheads.Row> pick(List<Overheads.Row> rows, String level, String mode, String backend) {
        return rows.stream().filter(x -> x.level().equals(level) && x.mode().equals(mode) && x.backend().equals(backend)
                && x.fixture().equals("syscall_heavy")
                && x.rounds().equals("100")).findFirst();
    }

    private static Map<String, String> with(Map<String, String> more) {
        Map<String, String> m = new java.util.HashMap<>(SYSCALL_HEAVY);
        m.putAll(more);
        return m;
    }

    static String count(double n) {
        if (n >= 1e6) return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        if (n >= 1e3) return String.format(Locale.ROOT, "%.1fK", n / 1e3);
        return String.format(Locale.ROOT, "%.0f", n);
    }
}
