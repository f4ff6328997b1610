package dev.renacer.syscall;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * strace's date comments ({@code /* 2020-01-01T00:00:00+0000 *\/} after utimensat's times): a time in
 * seconds since the epoch as the local date and time ("%FT%T", an optional fraction, "%z"), in the zone
 * the tracer runs in, as strace's localtime() does. Allocation-free: the civil date is computed here, and
 * the zone's offset is looked up only when a time falls outside the span the last offset held for.
 * One instance per decoder, used on the tracer thread only.
 */
public final class LocalTimes {
    /** The zone of {@link #LocalTimes()} is looked up at the first date printed: loading the system's zone rules
     * costs several milliseconds of a short trace's start-up (TzdbZoneRulesProvider), and most traces print none. */
    private ZoneRules rules;
    /** The offset in seconds, and the span of epoch seconds [from, until) it holds for. */
    private int offset;
    private long from = 1, until = 0;

    public LocalTimes() {}

    public LocalTimes(ZoneId zone) {
        rules = zone.getRules();
    }

    /**
     * Appends {@code " /* date *\/"} for {@code seconds} and a fraction of {@code width} digits (0: none), or
     * nothing where strace prints none: for the epoch itself with no fraction, or a fraction above its maximum.
     */
    public void appendComment(long seconds, long fraction, int width, StringBuilder out) {
        long max = width == 0 ? 0 : width == 6 ? 999_999 : 999_999_999;
        if ((seconds == 0 && fraction == 0) || fraction < 0 || fraction > max) return;
        if (seconds <= Instant.MIN.getEpochSecond() + 86_400 || seconds >= Instant.MAX.getEpochSecond() - 86_400) return;
        int zoneOffset = offsetAt(seconds);
        long local = seconds + zoneOffset;
        long days = Math.floorDiv(local, 86_400);
        int secondOfDay = (int) Math.floorMod(local, 86_400);
        // Howard Hinnant's civil_from_days
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out.append(" /* ");
        if (year < 0) out.append('-');
        pad(Math.abs(year), 4, out);
        out.append('-');
        pad(month, 2, out);
        out.append('-');
        pad(day, 2, out);
        out.append('T');
        pad(secondOfDay / 3600, 2, out);
        out.append(':');
        pad(secondOfDay / 60 % 60, 2, out);
        out.append(':');
        pad(secondOfDay % 60, 2, out);
        if (fraction > 0) {
            out.append('.');
            pad(fraction, width, out);
        }
        out.append(zoneOffset < 0 ? '-' : '+');
        int minutes = Math.abs(zoneOffset) / 60;
        pad(minutes / 60, 2, out);
        pad(minutes % 60, 2, out);
        out.append(" */");
    }

    private int offsetAt(long seconds) {
        if (seconds >= from && seconds < until) return offset;
        Instant at = Instant.ofEpochSecond(seconds);
        if (rules == null) rules = ZoneId.systemDefault().getRules();
        offset = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        return offset;
    }

    private static void pad(long value, int digits, StringBuilder out) {
        for (long limit = 10, n = 1; n < digits; n++, limit *= 10) if (value < limit) out.append('0');
        out.append(value);
    }
}
