package dev.renacer.stats;

import java.util.Comparator;
import java.util.Locale;

/**
 * The orders of {@code -S}, with the spellings strace 6.1 accepts. Largest first except by name; ties
 * keep syscall-number order (strace's qsort on glibc is a stable merge sort for tables this small).
 */
public enum SortOrder {
    TIME("time", "time_percent", "time-percent", "time_total", "time-total", "total_time", "total-time"),
    CALLS("calls", "count"),
    ERRORS("errors", "error"),
    NAME("name", "syscall", "syscall_name", "syscall-name"),
    MIN_TIME("min-time", "min_time", "shortest", "time_min", "time-min"),
    MAX_TIME("max-time", "max_time", "longest", "time_max", "time-max"),
    AVG_TIME("avg-time", "avg_time", "time_avg", "time-avg"),
    NONE("none", "nothing");

    private final String spelling;
    private final String[] aliases;

    SortOrder(String spelling, String... aliases) {
        this.spelling = spelling;
        this.aliases = aliases;
    }

    /**
     * Made when a summary is sorted, not in the enum's constants: every trace initialises this class while it reads
     * its options, and the eight comparators' method references each linked an invokedynamic site there.
     */
    public Comparator<SummaryRow> comparator() {
        return switch (this) {
            case TIME -> Comparator.comparingLong(SummaryRow::totalNanos).reversed();
            case CALLS -> Comparator.comparingLong(SummaryRow::calls).reversed();
            case ERRORS -> Comparator.comparingLong(SummaryRow::errors).reversed();
            case NAME -> Comparator.comparing(SummaryRow::name);
            case MIN_TIME -> Comparator.comparingLong(SummaryRow::minNanos).reversed();
            case MAX_TIME -> Comparator.comparingLong(SummaryRow::maxNanos).reversed();
            case AVG_TIME -> Comparator.comparingLong(SummaryRow::averageNanos).reversed();
            case NONE -> Comparator.comparingInt(SummaryRow::number);
        };
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
