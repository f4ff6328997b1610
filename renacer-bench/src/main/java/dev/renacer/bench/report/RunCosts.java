package dev.renacer.bench.report;

import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.JmhResult;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of a syscall_overhead benchmark cost, beside its wall time: its CPU time (RunCpu: the
 * tracer with everything under it as a whole process, this JVM's Java threads too in process), that CPU
 * time per traced syscall, and the machine's idle polling during it (RunCpu's idlePollNanos: the price
 * of a PM QoS request that keeps idle CPUs polling). A strace anchor traces the same program as its
 * renacer benchmark ({@code strace_X} for {@code X}), so its syscalls per run are that benchmark's count
 * in the same run (same fixture and rounds; ptrace, whole process first): strace counts nothing for us.
 */
public final class RunCosts {
    static final String SUITE = "syscall_overhead.";
    static final String ANCHOR_PREFIX = "strace_";

    /**
     * One benchmark's figures per run, NaN where not measured.
     *
     * @param syscallsFrom the benchmark whose traced syscalls {@code syscallsPerRun} are (itself, or for an anchor
     *                     its renacer benchmark), null without a count
     */
    public record Cost(double wallNanos, double cpuNanos, double syscallsPerRun, String syscallsFrom, double idlePollNanos) {
        /** NaN without a count, or when the trace saw no call (-e trace=unlink on a program that unlinks nothing). */
        public double cpuNanosPerSyscall() {
            return syscallsPerRun > 0 ? cpuNanos / syscallsPerRun : Double.NaN;
        }
    }

    private final Results results;

    public RunCosts(List<JmhResult> all) {
        this(new Results(all));
    }

    RunCosts(Results results) {
        this.results = results;
    }

    /** Whether {@code r} gets a cost: a syscall_overhead benchmark that measured its CPU time. */
    public static boolean applies(JmhResult r) {
        return r.shortName().startsWith(SUITE) && r.hasCpuTime() && r.samples().length > 0;
    }

    public Cost of(JmhResult r) {
        double idle = r.secondaryTotal("idlePollRuns") > 0 ? r.secondaryTotal("idlePollNanos") / r.secondaryTotal("idlePollRuns") : Double.NaN;
        double syscalls = Overheads.syscallsPerRun(r);
        String from = Double.isNaN(syscalls) ? null : r.method();
        if (r.method().startsWith(ANCHOR_PREFIX)) {
            Optional<JmhResult> traced = tracedBy(r);
            syscalls = traced.map(Overheads::syscallsPerRun).orElse(Double.NaN);
            from = traced.isPresent() && !Double.isNaN(syscalls) ? traced.get().method() : null;
        }
        return new Cost(Bootstrap.mean(r.nanosPerOp()), r.hasCpuTime() ? r.cpuNanosPerRun() : Double.NaN, syscalls, from, idle);
    }

    /** The renacer benchmark of an anchor's program: same fixture and rounds, ptrace before eBPF, whole process before in process. */
    private Optional<JmhResult> tracedBy(JmhResult anchor) {
        String method = SUITE + anchor.method().substring(ANCHOR_PREFIX.length());
        if (!anchor.params().containsKey("fixture")) return counted(method, anchor.params()); // startup: no program parameters
        for (String backend : Overheads.BACKENDS) {
            for (String mode : List.of("whole_process", "in_process")) {
                Map<String, String> key = new HashMap<>(anchor.params());
                key.put("backend", backend);
                key.put("mode", mode);
                Optional<JmhResult> found = counted(method, key);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    private Optional<JmhResult> counted(String method, Map<String, String> key) {
        return results.find(method, key).filter(x -> !Double.isNaN(Overheads.syscallsPerRun(x)));
    }

    /** One line: {@code wall 8.402 ms, cpu 9.100 ms per run; 2272 ns cpu per syscall (4006/run, basic_tracing's); idle poll 1.2 ms/run}. */
    public String line(JmhResult r) {
        Cost c = of(r);
        StringBuilder b = new StringBuilder("wall ").append(ms(c.wallNanos())).append(", cpu ").append(ms(c.cpuNanos())).append(" per run");
        if (c.syscallsFrom() != null && !Double.isNaN(c.cpuNanosPerSyscall())) {
            b.append(String.format(Locale.ROOT, "; %.0f ns cpu per syscall (%.0f syscalls/run", c.cpuNanosPerSyscall(), c.syscallsPerRun()));
            if (!c.syscallsFrom().equals(r.method())) b.append(", ").append(c.syscallsFrom()).append("'s count");
            b.append(')');
        }
        if (!Double.isNaN(c.idlePollNanos())) b.append("; idle poll ").append(ms(c.idlePollNanos())).append("/run");
        return b.toString();
    }

    static String ms(double nanos) {
        if (Double.isNaN(nanos)) return "-";
        return nanos >= 1e9 ? String.format(Locale.ROOT, "%.3f s", nanos / 1e9) : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
