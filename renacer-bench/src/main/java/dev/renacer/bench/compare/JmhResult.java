package dev.renacer.bench.compare;

import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark (with one set of parameters) of a JMH JSON result: every raw iteration score of the
 * primary metric, over all forks, and the raw iteration values of each secondary metric.
 *
 * @param benchmark fully qualified JMH name, e.g. dev.renacer.bench.suites.syscall_overhead.native_
 * @param mode      JMH's short mode name: thrpt, avgt, sample, ss
 */
public record JmhResult(String benchmark, Map<String, String> params, String mode, String unit, double[] samples,
                        double invocationMedian, Map<String, double[]> secondary) {
    public static final String SUITES_PACKAGE = "dev.renacer.bench.suites.";

    public JmhResult {
        params = new TreeMap<>(params);
        secondary = new TreeMap<>(secondary);
    }

    /** Criterion-like id: suite.benchmark/param=value/..., without the package. */
    public String id() {
        StringBuilder b = new StringBuilder(shortName());
        params.forEach((k, v) -> b.append('/').append(k).append('=').append(v));
        return b.toString();
    }

    /** {@code syscall_overhead.native_}: the class and method. */
    public String shortName() {
        return benchmark.startsWith(SUITES_PACKAGE) ? benchmark.substring(SUITES_PACKAGE.length()) : benchmark;
    }

    /** The suite (the class) of a suites/ benchmark, else the package-less class name. */
    public String suite() {
        String s = shortName();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public boolean isThroughput() {
        return mode.equals("thrpt");
    }

    /** Each sample as nanoseconds per operation (throughput inverted), so that larger is always slower. */
    public double[] nanosPerOp() {
        double[] out = new double[samples.length];
        Units.Scale scale = Units.parse(unit);
        for (int i = 0; i < samples.length; i++) out[i] = scale.nanosPerOp(samples[i]);
        return out;
    }

    /**
     * The one number per run that the gate pairs, in ns: the CPU time of one operation when the
     * benchmark reports it (RunCpu: cpuNanos / cpuRuns; under other processes' load it moves far
     * less than wall time), else the median invocation time when JMH sampled the invocations (the
     * gate's -bm sample), else the mean of the iteration scores.
     */
    public double runScoreNanos() {
        if (hasCpuTime()) return cpuNanosPerRun();
        return wallNanos();
    }

    /** Wall time per operation: the sampled median when there is one, else the mean of the iterations. */
    public double wallNanos() {
        if (!Double.isNaN(invocationMedian)) return Units.parse(unit).nanosPerOp(invocationMedian);
        return Bootstrap.mean(nanosPerOp());
    }

    public boolean hasCpuTime() {
        return secondaryTotal("cpuRuns") > 0;
    }

    public double cpuNanosPerRun() {
        return secondaryTotal("cpuNanos") / secondaryTotal("cpuRuns");
    }

    /** The sum over all iterations of a secondary metric (JMH's EVENTS counters), NaN when absent. */
    public double secondaryTotal(String name) {
        double[] values = secondary.get(name);
        if (values == null) return Double.NaN;
        double sum = 0;
        for (double v : values) sum += v;
        return sum;
    }

    /** The mean over iterations of a secondary metric (rates such as syscalls/s), NaN when absent. */
    public double secondaryMean(String name) {
        double[] values = secondary.get(name);
        return values == null || values.length == 0 ? Double.NaN : Bootstrap.mean(values);
    }

    /** The same result made {@code factor} times slower: every time sample and the CPU time (tests: a build made slower). */
    public JmhResult scaled(double factor) {
        boolean rate = Units.parse(unit).rate();
        double[] s = samples.clone();
        for (int i = 0; i < s.length; i++) s[i] = rate ? s[i] / factor : s[i] * factor;
        Map<String, double[]> sec = new TreeMap<>(secondary);
        double[] cpu = sec.get("cpuNanos");
        if (cpu != null) {
            cpu = cpu.clone();
            for (int i = 0; i < cpu.length; i++) cpu[i] *= factor;
            sec.put("cpuNanos", cpu);
        }
        return new JmhResult(benchmark, params, mode, unit, s, rate ? invocationMedian / factor : invocationMedian * factor, sec);
    }
}
