package dev.renacer.bench.compare;

import java.util.Locale;

/**
 * Criterion.rs's text: {@code time:   [lo est hi]}, {@code change: [lo est hi] (p = 0.03 < 0.05)} and
 * the verdict, numbers formatted as Criterion formats them (four significant digits, its units, a
 * U+2212 minus sign on changes).
 */
public final class CriterionText {
    private static final String INDENT = " ".repeat(24);

    private CriterionText() {}

    /** The id on its own line (Criterion's long-id layout), then the time and, for rates, the throughput. */
    public static String measurement(String id, Estimate nanosPerOp, boolean throughput) {
        StringBuilder b = new StringBuilder(id).append('\n');
        b.append(INDENT).append("time:   [").append(time(nanosPerOp.lower())).append(' ').append(time(nanosPerOp.point()))
                .append(' ').append(time(nanosPerOp.upper())).append("]\n");
        if (throughput) {
            b.append(INDENT).append("thrpt:  [").append(rate(nanosPerOp.upper())).append(' ').append(rate(nanosPerOp.point()))
                    .append(' ').append(rate(nanosPerOp.lower())).append("]\n");
        }
        return b.toString();
    }

    /** The change lines and the verdict; {@code extra} goes after the p-value (the gate's n= rounds). */
    public static String change(Estimate relative, double p, double significance, Verdict verdict, boolean throughput,
                                String extra) {
        String pText = String.format(Locale.ROOT, "(p = %.2f %s %.2f)", p, p < significance ? "<" : ">", significance) + extra;
        String interval = "[" + change(relative.lower()) + " " + change(relative.point()) + " " + change(relative.upper()) + "]";
        StringBuilder b = new StringBuilder();
        if (throughput) {
            b.append(" ".repeat(17)).append("change:\n");
            b.append(INDENT).append("time:   ").append(interval).append(' ').append(pText).append('\n');
            b.append(INDENT).append("thrpt:  [").append(change(toThroughput(relative.upper()))).append(' ')
                    .append(change(toThroughput(relative.point()))).append(' ')
                    .append(change(toThroughput(relative.lower()))).append("]\n");
        } else {
            b.append(INDENT).append("change: ").append(interval).append(' ').append(pText).append('\n');
        }
        b.append(INDENT).append(verdict.sentence()).append('\n');
        return b.toString();
    }

    /** A line at the same indentation (gate decisions, notes). */
    public static String note(String text) {
        return INDENT + text + "\n";
    }

    /** Halving the time doubles the throughput. */
    static double toThroughput(double timeChange) {
        return 1.0 / (1.0 + timeChange) - 1.0;
    }

    public static String time(double ns) {
        if (ns < 1.0) return short4(ns * 1e3) + " ps";
        if (ns < 1e3) return short4(ns) + " ns";
        if (ns < 1e6) return short4(ns / 1e3) + " µs";
        if (ns < 1e9) return short4(ns / 1e6) + " ms";
        return short4(ns / 1e9) + " s";
    }

    /** Operations per second from ns/op, with Criterion's K/M/G steps. */
    public static String rate(double nanosPerOp) {
        double perSecond = 1e9 / nanosPerOp;
        if (perSecond < 1e3) return short4(perSecond) + " op/s";
        if (perSecond < 1e6) return short4(perSecond / 1e3) + " Kop/s";
        if (perSecond < 1e9) return short4(perSecond / 1e6) + " Mop/s";
        return short4(perSecond / 1e9) + " Gop/s";
    }

    public static String change(double fraction) {
        double pct = fraction * 100;
        return (pct >= 0 ? "+" : "\u2212") + short4(Math.abs(pct)) + "%";
    }

    /** Four significant digits, as Criterion's format::short. */
    static String short4(double n) {
        String pattern = n < 10 ? "%.4f" : n < 100 ? "%.3f" : n < 1000 ? "%.2f" : n < 10000 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, n);
    }
}
