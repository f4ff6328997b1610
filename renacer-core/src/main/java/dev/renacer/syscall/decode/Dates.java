package dev.renacer.syscall.decode;

import java.util.TimeZone;

/**
 * strace's sprinttime_nsec: a time in seconds since the epoch as local ISO 8601 with its offset,
 * {@code 2023-05-27T17:58:21+0000}, nanoseconds added when there are any
 * ({@code 2026-12-01T16:10:00.378747900+0000}). Computed by hand (days to civil date, Howard Hinnant's
 * algorithm) so that printing allocates nothing.
 */
final class Dates {
    private final TimeZone zone;

    Dates(TimeZone zone) {
        this.zone = zone;
    }

    /** Appends {@code  /* ... *\/} after a time, or nothing for 0 (strace prints no comment then). */
    void appendComment(long seconds, long nanos, StringBuilder out) {
        if ((seconds == 0 && nanos == 0) || nanos < 0 || nanos > 999_999_999) return;
        out.append(" /* ");
        append(seconds, nanos, out);
        out.append(" */");
    }

    private void append(long seconds, long nanos, StringBuilder out) {
        int offset = zone.getOffset(seconds * 1000) / 1000;
        long local = seconds + offset;
        long days = Math.floorDiv(local, 86_400);
        long secondOfDay = Math.floorMod(local, 86_400);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        pad(year, 4, out);
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
        if (nanos > 0) {
            out.append('.');
            pad(nanos, 9, out);
        }
        out.append(offset < 0 ? '-' : '+');
        int abs = Math.abs(offset) / 60;
        pad(abs / 60, 2, out);
        pad(abs % 60, 2, out);
    }

    private static void pad(long value, int width, StringBuilder out) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        for (long p = 10, w = 1; w < width; p *= 10, w++) if (value < p) out.append('0');
        out.append(value);
    }
}
