package dev.renacer.bench.compare;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap, as Criterion.rs does it: resample with replacement, compute the statistic on
 * each resample, take the percentiles of that distribution. Pure functions of the samples and the
 * seed, so a test gets the same interval every time. commons-math3 has no bootstrap.
 */
public final class Bootstrap {
    /** Criterion's default number of resamples. */
    public static final int RESAMPLES = 100_000;

    private Bootstrap() {}

    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum / x.length;
    }

    /** The mean of {@code x} with its two-sided {@code confidence} interval. */
    public static Estimate mean(double[] x, double confidence, int resamples, long seed) {
        requireSamples(x);
        SplittableRandom random = new SplittableRandom(seed);
        double[] distribution = new double[resamples];
        for (int r = 0; r < resamples; r++) distribution[r] = resampledMean(x, random);
        return interval(mean(x), distribution, confidence);
    }

    /**
     * Relative change of the means, {@code mean(b)/mean(a) - 1}, resampling both independently
     * (Criterion's change estimate; positive means b is larger).
     */
    public static Estimate relativeChange(double[] a, double[] b, double confidence, int resamples, long seed) {
        requireSamples(a);
        requireSamples(b);
        SplittableRandom random = new SplittableRandom(seed);
        double[] distribution = new double[resamples];
        for (int r = 0; r < resamples; r++) distribution[r] = resampledMean(b, random) / resampledMean(a, random) - 1;
        return interval(mean(b) / mean(a) - 1, distribution, confidence);
    }

    /**
     * Two-tailed p-value that a and b have the same mean: Welch's t of the samples against the t of
     * resamples drawn from both pooled (Criterion's mixed bootstrap of the t-test).
     */
    public static double tTestPValue(double[] a, double[] b, int resamples, long seed) {
        requireSamples(a);
        requireSamples(b);
        double t = welchT(b, a);
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        SplittableRandom random = new SplittableRandom(seed);
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        int below = 0;
        int finite = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < ra.length; i++) ra[i] = pooled[random.nextInt(pooled.length)];
            for (int i = 0; i < rb.length; i++) rb[i] = pooled[random.nextInt(pooled.length)];
            double tr = welchT(rb, ra);
            if (!Double.isFinite(tr)) continue;
            finite++;
            if (tr < t) below++;
        }
        if (finite == 0) return 1.0;
        return 2.0 * Math.min(below, finite - below) / finite;
    }

    /** The statistic over paired resamples of one sample, e.g. the mean of per-round log ratios. */
    public static Estimate statistic(double[] x, ToDoubleBiFunction<double[], Integer> onResample, double confidence,
                                     int resamples, long seed) {
        requireSamples(x);
        SplittableRandom random = new SplittableRandom(seed);
        double[] resample = new double[x.length];
        double[] distribution = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < x.length; i++) resample[i] = x[random.nextInt(x.length)];
            distribution[r] = onResample.applyAsDouble(resample, x.length);
        }
        return interval(onResample.applyAsDouble(x, x.length), distribution, confidence);
    }

    static double welchT(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double vx = variance(x, mx);
        double vy = variance(y, my);
        return (mx - my) / Math.sqrt(vx / x.length + vy / y.length);
    }

    private static double variance(double[] x, double mean) {
        if (x.length < 2) return 0;
        double sum = 0;
        for (double v : x) sum += (v - mean) * (v - mean);
        return sum / (x.length - 1);
    }

    private static double resampledMean(double[] x, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) sum += x[random.nextInt(x.length)];
        return sum / x.length;
    }

    private static Estimate interval(double point, double[] distribution, double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence in (0, 1): " + confidence);
        Arrays.sort(distribution);
        double tail = (1 - confidence) / 2;
        return new Estimate(percentile(distribution, tail), point, percentile(distribution, 1 - tail));
    }

    /** Linear interpolation between the closest ranks (Criterion's percentiles). */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void requireSamples(double[] x) {
        if (x.length == 0) throw new IllegalArgumentException("no samples");
    }
}
