package dev.renacer.bench.compare;

/** A point estimate with the bounds of its confidence interval, all in the same unit. */
public record Estimate(double lower, double point, double upper) {
    public Estimate map(java.util.function.DoubleUnaryOperator f) {
        return new Estimate(f.applyAsDouble(lower), f.applyAsDouble(point), f.applyAsDouble(upper));
    }

    /** Half the interval's width. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
