package dev.renacer.stats;

import java.util.List;
import java.util.Locale;

/**
 * Formats a {@link Summary} as strace 6.1's {@code -c} table, column widths included (each column is
 * as wide as its header or its widest value, with strace's historical minimums), and, with
 * --stats-extended, a second table of latency figures after it. The strace table stays byte for byte
 * what strace prints so that scripts reading it keep working; the new figures go in their own table.
 */
public final class SummaryTable {
    private SummaryTable() {}

    public static String format(Summary summary, SortOrder order) {
        List<SummaryRow> rows = summary.sorted(order);
        long total = summary.totalNanos();
        long calls = summary.calls();
        long errors = summary.errors();
        long maxAverageMicros = 0;
        int longestName = 0;
        for (SummaryRow r : rows) {
            maxAverageMicros = Math.max(maxAverageMicros, averageMicros(r));
            longestName = Math.max(longestName, r.name().length());
        }
        int wSeconds = Math.max(11, String.format(Locale.ROOT, "%.6f", Summary.seconds(total)).length());
        int wAverage = Math.max(11, Long.toString(maxAverageMicros).length());
        int wCalls = Math.max(9, Long.toString(calls).length());
        int wErrors = Math.max(9, Long.toString(errors).length());
        int wName = Math.max(16, longestName + 1);

        StringBuilder out = new StringBuilder(128 * (rows.size() + 4));
        out.append(String.format(Locale.ROOT, "%6s %" + wSeconds + "s %" + wAverage + "s %" + wCalls + "s %"
                + wErrors + "s %s\n", "% time", "seconds", "usecs/call", "calls", "errors", "syscall"));
        String divider = "-".repeat(6) + ' ' + "-".repeat(wSeconds) + ' ' + "-".repeat(wAverage) + ' '
                + "-".repeat(wCalls) + ' ' + "-".repeat(wErrors) + ' ' + "-".repeat(wName) + '\n';
        out.append(divider);
        String rowFormat = "%6.2f %" + wSeconds + ".6f %" + wAverage + "d %" + wCalls + "d %" + wErrors + "s %s\n";
        for (SummaryRow r : rows) {
            out.append(String.format(Locale.ROOT, rowFormat, summary.percent(r), Summary.seconds(r.totalNanos()),
                    averageMicros(r), r.calls(), r.errors() == 0 ? "" : Long.toString(r.errors()), r.name()));
        }
        out.append(divider);
        long totalAverage = calls == 0 ? 0 : (long) (Summary.seconds(total) / calls * 1e6);
        out.append(String.format(Locale.ROOT, rowFormat, 100.0, Summary.seconds(total), totalAverage, calls,
                errors == 0 ? "" : Long.toString(errors), "total"));
        if (summary.extended()) appendExtended(out, rows);
        return out.toString();
    }

    /** strace's usecs/call: the integer mean in nanoseconds, as seconds in a double, times 1e6, truncated. */
    static long averageMicros(SummaryRow r) {
        return (long) (Summary.seconds(r.averageNanos()) * 1e6);
    }

    private static void appendExtended(StringBuilder out, List<SummaryRow> rows) {
        out.append('\n').append("latency in microseconds (wall time, entry to exit); outliers: calls above mean + 3 stddev\n");
        String header = String.format(Locale.ROOT, "%11s %11s %11s %11s %11s %11s %11s %11s %11s %9s %s\n",
                "min", "mean", "max", "stddev", "p50", "p75", "p90", "p95", "p99", "outliers", "syscall");
        out.append(header);
        String divider = ("----------- ".repeat(9) + "--------- " + "-".repeat(16)) + '\n';
        out.append(divider);
        for (SummaryRow r : rows) {
            LatencyProfile l = r.latency();
            if (l == null) continue;
            out.append(String.format(Locale.ROOT, "%11.3f %11.3f %11.3f %11.3f %11.3f %11.3f %11.3f %11.3f %11.3f %9d %s\n",
                    l.min() / 1e3, l.mean() / 1e3, l.max() / 1e3, l.stddev() / 1e3, l.p50() / 1e3, l.p75() / 1e3,
                    l.p90() / 1e3, l.p95() / 1e3, l.p99() / 1e3, l.outliers(), r.name()));
        }
    }
}
