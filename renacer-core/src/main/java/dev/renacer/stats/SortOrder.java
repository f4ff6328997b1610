package dev.renacer.stats;

import java.util.Comparator;
import java.util.Locale;

/**
 * The orders of {@code -S}, with the spellings strace 6.1 accepts. Largest first except by name; ties
 * keep syscall-number order (strace's qsort on glibc is a stable merge sort for tables this small).
 */
public enum SortOrder {
    TIME("time", Comparator.comparingLong(SummaryRow::totalNanos).reversed(),
            "time_percent", "time-percent", "time_total", "time-total", "total_time", "total-time"),
    CALLS("calls", Comparator.comparingLong(SummaryRow::calls).reversed(), "count"),
    ERRORS("errors", Comparator.comparingLong(SummaryRow::errors).reversed(), "error"),
    NAME("name", Comparator.comparing(SummaryRow::name), "syscall", "syscall_name", "syscall-name"),
    MIN_TIME("min-time", Comparator.comparingLong(SummaryRow::minNanos).reversed(),
            "min_time", "shortest", "time_min", "time-min"),
    MAX_TIME("max-time", Comparator.comparingLong(SummaryRow::maxNanos).reversed(),
            "max_time", "longest", "time_max", "time-max"),
    AVG_TIME("avg-time", Comparator.comparingLong(SummaryRow::averageNanos).reversed(),
            "avg_time", "time_avg", "time-avg"),
    NONE("none", (a, b) -> Integer.compare(a.number(), b.number()), "nothing");

    private final String spelling;
    private final Comparator<SummaryRow> comparator;
    private final String[] aliases;

    SortOrder(String spelling, Comparator<SummaryRow> comparator, String... aliases) {
        this.spelling = spelling;
        this.comparator = comparator;
        this.aliases = aliases;
    }

    public Comparator<SummaryRow> comparator() {
        return comparator;
    }

    public String spelling() {
        return spelling;
    }

    /** The order named {@code text} (any strace spelling), or null if there is none. */
    public static SortOrder parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (SortOrder o : values()) {
            if (o.spelling.equals(t)) return o;
            for (String a : o.aliases) if (a.equals(t)) return o;
        }
        return null;
    }
}
