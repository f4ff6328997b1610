package dev.renacer.bench.compare;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired per-round comparison of two builds run side by side: per round r, d_r = ln(head_r/base_r)
 * of the time per operation. The mean of d with its bootstrap interval at {@link #CONFIDENCE}
 * two-sided, whose bounds are one-sided 95% bounds; and the Wilcoxon signed-rank test
 * (commons-math3) of the d_r against 0 and against ln(1 + threshold), as a cross-check that does not
 * assume the d_r are normal.
 *
 * @param logRatio         mean of d with its one-sided 95% bounds
 * @param pChange          two-sided Wilcoxon p that the median d is 0 (is there any change)
 * @param pAboveThreshold  one-sided Wilcoxon p for "median d > ln(1+threshold)" (a slowdown beyond it)
 * @param pBelowThreshold  one-sided Wilcoxon p for "median d < ln(1+threshold)" (no slowdown beyond it)
 */
public record PairedRatios(int rounds, Estimate logRatio, double pChange, double pAboveThreshold, double pBelowThreshold) {
    /**
     * Rounds up to which Wilcoxon's p is exact. commons-math3 enumerates all 2^n sign patterns
     * (measured: n = 30 took minutes); above 20 its normal approximation is close.
     */
    static final int EXACT_UP_TO = 20;

    /** Two-sided 90%: each bound is a one-sided 95% bound. */
    public static final double CONFIDENCE = 0.90;

    public static PairedRatios of(double[] baseNanos, double[] headNanos, double threshold, long seed) {
        if (baseNanos.length != headNanos.length) throw new IllegalArgumentException("unpaired rounds");
        int n = baseNanos.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = Math.log(headNanos[i] / baseNanos[i]);
        Estimate logRatio = Bootstrap.statistic(d, (x, len) -> Bootstrap.mean(x), CONFIDENCE, Bootstrap.RESAMPLES, seed);
        double c = Math.log1p(threshold);
        double pChange = wilcoxonTwoSided(d, 0);
        double pAtThreshold = wilcoxonTwoSided(d, c);
        boolean above = median(d) > c;
        double pAbove = above ? pAtThreshold / 2 : 1 - pAtThreshold / 2;
        double pBelow = above ? 1 - pAtThreshold / 2 : pAtThreshold / 2;
        return new PairedRatios(n, logRatio, pChange, pAbove, pBelow);
    }

    /** The relative change of head against base, {@code head/base - 1}, with its one-sided 95% bounds. */
    public Estimate change() {
        return logRatio.map(v -> Math.exp(v) - 1);
    }

    static double wilcoxonTwoSided(double[] d, double center) {
        double[] x = new double[d.length];
        double[] y = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            x[i] = d[i];
            y[i] = center;
        }
        if (Arrays.equals(x, y)) return 1.0;
        return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, d.length <= EXACT_UP_TO);
    }

    static double median(double[] d) {
        double[] s = d.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
