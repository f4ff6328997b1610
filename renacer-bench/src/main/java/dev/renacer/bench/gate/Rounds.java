package dev.renacer.bench.gate;

import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.CriterionText;
import dev.renacer.bench.compare.Estimate;
import dev.renacer.bench.compare.JmhResult;
import dev.renacer.bench.compare.PairedRatios;
import dev.renacer.bench.compare.TracerCounts;
import dev.renacer.bench.compare.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's statistics over the rounds so far, with no process in sight: each round adds the base
 * and head results (JMH JSON) of every benchmark; {@link #decide} judges them; {@link #report} prints
 * the Criterion lines and the outcome and returns the exit code. Pure given its input, so tests feed
 * it recorded rounds.
 */
public final class Rounds {
    private final double threshold;
    private final PrintStream out;
    private final Map<String, Paired> benchmarks = new LinkedHashMap<>();
    private int rounds;

    public Rounds(double threshold, PrintStream out) {
        this.threshold = threshold;
        this.out = out;
    }

    public int count() {
        return rounds;
    }

    /**
     * Per benchmark: one score per round for each jar (ns: CPU time per run when both report it,
     * else wall time per operation), the wall time beside it, and the tracer counts when present.
     */
    private static final class Paired {
        final List<Double> base = new ArrayList<>();
        final List<Double> head = new ArrayList<>();
        final List<TracerCounts> baseCounts = new ArrayList<>();
        final List<TracerCounts> headCounts = new ArrayList<>();
        final List<Double> baseWall = new ArrayList<>();
        final List<Double> headWall = new ArrayList<>();
        boolean throughput;
        boolean cpu;
        boolean sampled;
        Decision decision = Decision.UNDECIDED;
        PairedRatios ratios;
    }

    /** Pairs the benchmarks of round 1; false when the base has none of the head's (nothing to gate). */
    public boolean pair(Map<String, JmhResult> base, Map<String, JmhResult> head) {
        for (String id : head.keySet()) {
            if (!base.containsKey(id)) out.println("gate: only in head, not gated: " + id);
        }
        for (String id : base.keySet()) {
            if (!head.containsKey(id)) out.println("gate: only in base, not gated: " + id);
            else benchmarks.put(id, new Paired());
        }
        if (benchmarks.isEmpty()) {
            out.println("gate: no selected benchmark exists in both jars: nothing to gate");
            return false;
        }
        return true;
    }

    /** Adds one round; every paired benchmark must be in both. */
    public void add(Map<String, JmhResult> base, Map<String, JmhResult> head) throws Gate.JarFailure {
        rounds++;
        record(base, head, rounds);
    }

    private void record(Map<String, JmhResult> base, Map<String, JmhResult> head, int round) throws Gate.JarFailure {
        for (Map.Entry<String, Paired> e : benchmarks.entrySet()) {
            JmhResult b = base.get(e.getKey());
            JmhResult h = head.get(e.getKey());
            if (b == null || h == null) throw new Gate.JarFailure("round " + round + " has no result for " + e.getKey());
            Paired p = e.getValue();
            p.throughput = h.isThroughput();
            p.cpu = b.hasCpuTime() && h.hasCpuTime();
            p.sampled = !Double.isNaN(b.invocationMedian()) && !Double.isNaN(h.invocationMedian());
            p.base.add(p.cpu ? b.cpuNanosPerRun() : b.wallNanos());
            p.head.add(p.cpu ? h.cpuNanosPerRun() : h.wallNanos());
            p.baseWall.add(b.wallNanos());
            p.headWall.add(h.wallNanos());
            p.baseCounts.add(TracerCounts.of(b));
            p.headCounts.add(TracerCounts.of(h));
        }
    }

    /** Judges every benchmark: REGRESSION if any regressed (in time or counts), else UNDECIDED if any is, else NO_REGRESSION. */
    public Decision decide() {
        Decision overall = Decision.NO_REGRESSION;
        for (Paired p : benchmarks.values()) {
            p.ratios = PairedRatios.of(array(p.base), array(p.head), threshold, 42L + rounds);
            p.decision = Decision.of(p.ratios, threshold);
            if (p.decision == Decision.REGRESSION || countsGrew(p)) overall = Decision.REGRESSION;
            else if (p.decision == Decision.UNDECIDED && overall != Decision.REGRESSION) overall = Decision.UNDECIDED;
        }
        return overall;
    }

    public int report(double minutes) {
        decide();
        out.println();
        int regressions = 0;
        int undecided = 0;
        double worstDetectable = 0;
        for (Map.Entry<String, Paired> e : benchmarks.entrySet()) {
            Paired p = e.getValue();
            Estimate headTime = Bootstrap.mean(array(p.head), 0.95, Bootstrap.RESAMPLES, 7L);
            out.print(CriterionText.measurement(e.getKey(), headTime, p.throughput && !p.cpu));
            out.print(CriterionText.note(p.cpu ? "(CPU time per run, tracer and traced program: user + system)"
                    : p.sampled ? "(wall time per operation: the median of the sampled invocations)" : "(wall time per operation)"));
            Estimate change = p.ratios.change();
            Verdict verdict = p.decision == Decision.REGRESSION ? Verdict.REGRESSED
                    : Verdict.of(p.ratios.pChange(), Decision.SIGNIFICANCE, change, threshold);
            if (p.decision != Decision.REGRESSION && verdict == Verdict.REGRESSED) verdict = Verdict.WITHIN_NOISE;
            out.print(CriterionText.change(change, p.ratios.pChange(), Decision.SIGNIFICANCE, verdict, p.throughput && !p.cpu,
                    " n=" + rounds));
            out.print(CriterionText.note("gate: " + explain(p)));
            if (p.cpu) {
                Estimate wall = PairedRatios.of(array(p.baseWall), array(p.headWall), threshold, 43L + rounds).change();
                out.print(CriterionText.note("wall time (not decided on): change [" + CriterionText.change(wall.lower()) + " "
                        + CriterionText.change(wall.point()) + " " + CriterionText.change(wall.upper()) + "], head "
                        + CriterionText.time(Bootstrap.mean(array(p.headWall)))));
            }
            out.print(CriterionText.note(countsLine(p)));
            if (p.decision == Decision.REGRESSION || countsGrew(p)) regressions++;
            else if (p.decision == Decision.UNDECIDED) {
                undecided++;
                worstDetectable = Math.max(worstDetectable, Decision.minimumDetectableEffect(p.ratios, threshold));
            }
        }
        out.println();
        String took = String.format(Locale.ROOT, "%d rounds, %.1f min", rounds, minutes);
        if (regressions > 0) {
            out.println("gate: REGRESSION in " + regressions + " of " + benchmarks.size() + " benchmarks (" + took + ")");
            return Gate.EXIT_REGRESSION;
        }
        if (undecided > 0) {
            out.println("gate: INCONCLUSIVE: " + undecided + " of " + benchmarks.size() + " benchmarks still too noisy after "
                    + took + "; the smallest slowdown these rounds could detect (80% power) is " + percent(worstDetectable));
            return Gate.EXIT_INCONCLUSIVE;
        }
        out.println("gate: no regression above " + percent(threshold) + " in " + benchmarks.size() + " benchmarks (" + took + ")");
        return Gate.EXIT_PASS;
    }

    private String explain(Paired p) {
        Estimate change = p.ratios.change();
        return switch (p.decision) {
            case REGRESSION -> "regression: the one-sided 95% lower bound " + CriterionText.change(change.lower())
                    + " is above the " + percent(threshold) + " threshold (Wilcoxon p = "
                    + String.format(Locale.ROOT, "%.3f", p.ratios.pAboveThreshold()) + ")";
            case NO_REGRESSION -> "no regression: the one-sided 95% upper bound " + CriterionText.change(change.upper())
                    + " is below the " + percent(threshold) + " threshold (Wilcoxon p = "
                    + String.format(Locale.ROOT, "%.3f", p.ratios.pBelowThreshold()) + ")";
            case UNDECIDED -> undecided(p, change);
        };
    }

    /** Why the rounds do not decide yet: the interval straddles the threshold, or Wilcoxon does not confirm its side. */
    private String undecided(Paired p, Estimate change) {
        String detectable = "; detectable: " + percent(Decision.minimumDetectableEffect(p.ratios, threshold));
        double c = Math.log1p(threshold);
        if (p.ratios.logRatio().upper() < c) {
            return "undecided: the upper bound " + CriterionText.change(change.upper()) + " is below the " + percent(threshold)
                    + " threshold, but Wilcoxon does not confirm it (p = " + String.format(Locale.ROOT, "%.3f", p.ratios.pBelowThreshold())
                    + ")" + detectable;
        }
        if (p.ratios.logRatio().lower() > c) {
            return "undecided: the lower bound " + CriterionText.change(change.lower()) + " is above the " + percent(threshold)
                    + " threshold, but Wilcoxon does not confirm it (p = " + String.format(Locale.ROOT, "%.3f", p.ratios.pAboveThreshold())
                    + ")" + detectable;
        }
        return "undecided: the bounds " + CriterionText.change(change.lower()) + " .. " + CriterionText.change(change.upper())
                + " straddle the " + percent(threshold) + " threshold" + detectable;
    }

    /** Totals over all rounds, per jar: deterministic, so one number each. */
    private String countsLine(Paired p) {
        TracerCounts base = total(p.baseCounts);
        TracerCounts head = total(p.headCounts);
        if (base == null || head == null) {
            return "tracer counts per syscall: not available in the " + (base == null && head == null ? "base or the head"
                    : base == null ? "base" : "head") + " (decided on time alone)";
        }
        return String.format(Locale.ROOT, "tracer counts per syscall: stops %.4f -> %.4f, tracer syscalls %.4f -> %.4f: %s",
                base.stopsPerSyscall(), head.stopsPerSyscall(), base.tracerSyscallsPerSyscall(), head.tracerSyscallsPerSyscall(),
                TracerCounts.grew(base, head) ? "GREW (a regression)" : "not grown");
    }

    private static boolean countsGrew(Paired p) {
        TracerCounts base = total(p.baseCounts);
        TracerCounts head = total(p.headCounts);
        return base != null && head != null && TracerCounts.grew(base, head);
    }

    /** The mean over rounds of each count, or null when any round lacks them. */
    private static TracerCounts total(List<TracerCounts> rounds) {
        double stops = 0;
        double tracer = 0;
        for (TracerCounts c : rounds) {
            if (c == null) return null;
            stops += c.stopsPerSyscall();
            tracer += c.tracerSyscallsPerSyscall();
        }
        return rounds.isEmpty() ? null : new TracerCounts(stops / rounds.size(), tracer / rounds.size());
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
