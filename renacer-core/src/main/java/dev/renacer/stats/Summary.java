package dev.renacer.stats;

import java.util.ArrayList;
import java.util.List;

/** The {@code -c} figures at the end of a trace: a row per syscall seen, and the totals. */
public final class Summary {
    private final List<SummaryRow> rows;
    private final boolean extended;
    private final boolean wallClock;

    public Summary(List<SummaryRow> rows, boolean extended) {
        this(rows, extended, true);
    }

    /** @param wallClock the times are wall time from entry to exit (-w), not system CPU time (strace's default) */
    public Summary(List<SummaryRow> rows, boolean extended, boolean wallClock) {
        this.rows = List.copyOf(rows);
        this.extended = extended;
        this.wallClock = wallClock;
    }

    /** The rows in {@code order} (a stable sort, ties in syscall-number order). */
    public List<SummaryRow> sorted(SortOrder order) {
        List<SummaryRow> sorted = new ArrayList<>(rows);
        sorted.sort(SortOrder.NONE.comparator());
        sorted.sort(order.comparator());
        return sorted;
    }

    public List<SummaryRow> rows() { return rows; }

    /** True when the times are wall time (-w), false when they are the calls' system CPU time. */
    public boolean wallClock() { return wallClock; }

    /** True when the rows carry {@link LatencyProfile}s (--stats-extended). */
    public boolean extended() { return extended; }

    public long totalNanos() { return rows.stream().mapToLong(SummaryRow::totalNanos).sum(); }

    public long calls() { return rows.stream().mapToLong(SummaryRow::calls).sum(); }

    public long errors() { return rows.stream().mapToLong(SummaryRow::errors).sum(); }

    /** Share of the total time, in percent, computed as strace does (0 when the total is 0). */
    public double percent(SummaryRow row) {
        double time = seconds(row.totalNanos());
        double percent = 100.0 * time;
        return percent != 0.0 ? percent / seconds(totalNanos()) : 0.0;
    }

    /** Nanoseconds as strace's ts_float computes seconds, so that rounding matches it digit for digit. */
    static double seconds(long nanos) {
        return nanos / 1_000_000_000L + (nanos % 1_000_000_000L) / 1e9;
    }
}
