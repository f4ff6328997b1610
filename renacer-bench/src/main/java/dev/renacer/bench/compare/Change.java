package dev.renacer.bench.compare;

/**
 * A benchmark against a saved baseline, as Criterion.rs compares: the relative change of the mean
 * time per operation with its 95% bootstrap interval, the bootstrapped t-test's p-value, the verdict.
 *
 * @param relative mean(new)/mean(base) - 1 of the time per operation (positive: slower)
 */
public record Change(Estimate relative, double pValue, double significance, Verdict verdict) {
    public static final double CONFIDENCE = 0.95;
    public static final double SIGNIFICANCE = 0.05;
    /** Criterion's default --noise-threshold. */
    public static final double DEFAULT_NOISE = 0.01;

    /** Compares time-per-operation samples (any one unit for both). */
    public static Change of(double[] baseTimes, double[] newTimes, double noise, long seed) {
        Estimate relative = Bootstrap.relativeChange(baseTimes, newTimes, CONFIDENCE, Bootstrap.RESAMPLES, seed);
        double p = Bootstrap.tTestPValue(baseTimes, newTimes, Bootstrap.RESAMPLES, seed + 1);
        return new Change(relative, p, SIGNIFICANCE, Verdict.of(p, SIGNIFICANCE, relative, noise));
    }
}
