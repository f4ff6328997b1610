package dev.renacer.bench.compare;

import java.util.Map;

/** JMH's score units ("ms/op", "ops/s", ...) as a conversion to nanoseconds per operation. */
public final class Units {
    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9, "hr", 3600e9, "day", 86400e9);

    private Units() {}

    /** How a score in some unit becomes ns/op: time units multiply, rates invert. */
    public record Scale(double nanos, boolean rate) {
        public double nanosPerOp(double score) {
            return rate ? nanos / score : score * nanos;
        }
    }

    public static Scale parse(String unit) {
        String[] parts = unit.split("/");
        if (parts.length == 2 && parts[1].equals("op") && NANOS.containsKey(parts[0])) return new Scale(NANOS.get(parts[0]), false);
        if (parts.length == 2 && parts[0].equals("ops") && NANOS.containsKey(parts[1])) return new Scale(NANOS.get(parts[1]), true);
        throw new IllegalArgumentException("not a JMH time or rate unit: " + unit);
    }
}
