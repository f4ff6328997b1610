package dev.renacer.bench.report;

import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.JmhResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 11's goals for the eBPF backend, from one run of syscall_overhead on syscall_heavy 20000
 * in process: overheads on the traced program's own CPU time ({@code programNanos}: the JVM's start
 * and the loading of the BPF programs aside; the BPF programs run in the program's context, so their
 * cost is in it), against native_ and the in-kernel anchors of the same run, the records lost, and the
 * consumer's rate per second of its own CPU time.
 */
final class EbpfGoals {
    static final String ROUNDS = "20000";
    private static final Map<String, String> PROGRAM = Map.of("fixture", "syscall_heavy", "rounds", ROUNDS);
    private static final Map<String, String> EBPF_IN_PROCESS = Map.of("fixture", "syscall_heavy", "rounds", ROUNDS,
            "backend", "ebpf", "mode", "in_process");
    /** Ring-buffer records per call: an entry and an exit record. */
    static final int RECORDS_PER_CALL = 2;

    private EbpfGoals() {}

    /** The run's figures of one benchmark; NaN where it was not measured. */
    record Figures(double programCpu, double totalCpu, double wall, double syscallsPerRun, double lost) {
        static Figures of(Results r, String method, Map<String, String> params) {
            Optional<JmhResult> found = r.find("syscall_overhead." + method, params);
            if (found.isEmpty()) return new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            JmhResult x = found.get();
            return new Figures(x.secondaryTotal("programNanos") / x.secondaryTotal("programRuns"), x.cpuNanosPerRun(),
                    Bootstrap.mean(x.nanosPerOp()), Overheads.syscallsPerRun(x), x.secondaryTotal("eventsLost"));
        }

        double overOwnCpu(Figures base) {
            return (programCpu / base.programCpu - 1) * 100;
        }

        /** This JVM's CPU time per run: the tracer's work (and the loading of the programs). */
        double tracerCpu() {
            return totalCpu - programCpu;
        }
    }

    /** Whether the run measured any of them (syscall_heavy 20000 on eBPF in process). */
    static boolean measured(Results r) {
        return r.find("syscall_overhead.with_statistics", EBPF_IN_PROCESS).isPresent()
                || r.find("syscall_overhead.with_timing", EBPF_IN_PROCESS).isPresent();
    }

    static List<Goals.Goal> of(Results r) {
        Figures nat = Figures.of(r, "native_", PROGRAM);
        Figures counts = Figures.of(r, "with_statistics", EBPF_IN_PROCESS);
        Figures text = Figures.of(r, "with_timing", EBPF_IN_PROCESS);
        Figures bpftrace = Figures.of(r, "anchor_bpftrace", PROGRAM);
        Figures syscount = Figures.of(r, "anchor_syscount", PROGRAM);
        double c = counts.overOwnCpu(nat);
        double t = text.overOwnCpu(nat);
        // the consumer's work per call: what -T's tracer thread did beyond -c's (which loads the same programs)
        double consumerCpu = text.tracerCpu() - counts.tracerCpu();
        double consumerCallsPerSecond = consumerCpu > 0 ? text.syscallsPerRun / (consumerCpu / 1e9) : Double.NaN;
        return List.of(
                goal("eBPF -c overhead on the program's own CPU time (syscall_heavy 20000, in-process)", "<= 5%",
                        String.format(Locale.ROOT, "%s (%s against %s native); whole run with loading: %.2fx native's wall",
                                percent(c), ms(counts.programCpu), ms(nat.programCpu), counts.wall / nat.wall), c <= 5, c, counts.wall / nat.wall),
                anchor("bpftrace counting sys_enter/sys_exit of the fixture", c, bpftrace.overOwnCpu(nat)),
                anchor("syscount -L", c, syscount.overOwnCpu(nat)),
                goal("eBPF full per-call text with -T to /dev/null (syscall_heavy 20000, in-process), program's own CPU time",
                        "<= 10%, 0 events lost",
                        String.format(Locale.ROOT, "%s, %s records lost; with the consumer's CPU: %s", percent(t),
                                Double.isNaN(text.lost) ? "-" : String.format(Locale.ROOT, "%.0f", text.lost),
                                percent(((text.programCpu + consumerCpu) / nat.programCpu - 1) * 100)),
                        t <= 10 && text.lost == 0, t, text.lost),
                goal("eBPF consumer rate (-T text, calls decoded and written per second of its CPU time)", ">= 1M events/s",
                        String.format(Locale.ROOT, "%s calls/s (%s ring records/s)", Goals.count(consumerCallsPerSecond),
                                Goals.count(consumerCallsPerSecond * RECORDS_PER_CALL)),
                        consumerCallsPerSecond >= 1_000_000, consumerCallsPerSecond));
    }

    private static Goals.Goal anchor(String name, double renacer, double anchor) {
        return goal("eBPF -c below the anchor: " + name + " (same run, program's own CPU time)", "< the anchor's overhead",
                percent(renacer) + " against " + percent(anchor), renacer < anchor, renacer, anchor);
    }

    /** A goal judged on {@code figures}: not measured when one of them is missing (NaN) or meaningless (infinite, negative rate). */
    private static Goals.Goal goal(String metric, String target, String current, boolean met, double... figures) {
        boolean missing = false;
        for (double f : figures) missing |= !Double.isFinite(f);
        return new Goals.Goal(metric, target, missing ? "-" : current, missing ? Optional.empty() : Optional.of(met));
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
