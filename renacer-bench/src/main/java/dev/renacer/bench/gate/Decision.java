package dev.renacer.bench.gate;

import dev.renacer.bench.compare.PairedRatios;

/**
 * The gate's rule for one benchmark, on the paired per-round log ratios d = ln(head/base) and the
 * threshold c = ln(1 + threshold): a regression only when the one-sided 95% lower bound of the
 * mean d is above c and Wilcoxon's signed-rank test agrees (median d > c, p < 0.05); no regression
 * when the upper bound is below c and Wilcoxon agrees the other way; otherwise the interval is too
 * wide to tell yet, and the gate adds rounds.
 */
public enum Decision {
    NO_REGRESSION, REGRESSION, UNDECIDED;

    public static final double SIGNIFICANCE = 0.05;
    /** z of 80% power over z of the one-sided 95% bound, for the minimum detectable effect. */
    private static final double POWER_FACTOR = 1 + 0.8416 / 1.6449;

    public static Decision of(PairedRatios r, double threshold) {
        double c = Math.log1p(threshold);
        if (r.logRatio().lower() > c && r.pAboveThreshold() < SIGNIFICANCE) return REGRESSION;
        if (r.logRatio().upper() < c && r.pBelowThreshold() < SIGNIFICANCE) return NO_REGRESSION;
        return UNDECIDED;
    }

    /**
     * The smallest slowdown these rounds could have shown with 80% power: the threshold plus the
     * interval's half-width scaled from the 95% bound to 95% + 80% power, as a fraction.
     */
    public static double minimumDetectableEffect(PairedRatios r, double threshold) {
        double halfWidth = (r.logRatio().upper() - r.logRatio().lower()) / 2;
        return Math.expm1(Math.log1p(threshold) + POWER_FACTOR * halfWidth);
    }
}
