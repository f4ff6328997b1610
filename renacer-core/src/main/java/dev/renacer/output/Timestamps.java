package dev.renacer.output;

import java.util.TimeZone;

/**
 * The line prefixes of -t, -tt, -ttt and -r, as strace prints them, appended without allocating:
 * {@code 20:18:16 }, {@code 20:18:16.032221 }, {@code 1795724296.040709 } and {@code      0.000416 }.
 * With both, strace 6.1 prints {@code 20:20:40 (+     0.000380) }, and so do we.
 */
public final class Timestamps {
    private final int absolute;   // 0 none, 1 -t, 2 -tt, 3 -ttt
    private final boolean relative;
    private final TimeZone zone;
    private long lastRelativeNanos = Long.MIN_VALUE;
    // The zone offset only changes on DST transitions: ask the zone once a minute, not on every line.
    private long offsetMinute = Long.MIN_VALUE;
    private long offsetMillis;

    /**
     * @param absolute how many -t were given (0 to 3; more count as 3)
     * @param relative -r
     * @param zone       the zone of -t and -tt's time of day; null will do for the others
     */
    public Timestamps(int absolute, boolean relative, TimeZone zone) {
        this.absolute = Math.min(absolute, 3);
        this.relative = relative;
        this.zone = zone;
    }

    public boolean enabled() {
        return absolute > 0 || relative;
    }

    /**
     * Appends the prefix for a line that happened at {@code epochNanos} (wall clock) and
     * {@code monotonicNanos} ({@link System#nanoTime()}, for -r).
     */
    public void append(StringBuilder out, long epochNanos, long monotonicNanos) {
        if (absolute > 0) appendAbsolute(out, epochNanos);
        if (relative) {
            long delta = lastRelativeNanos == Long.MIN_VALUE ? 0 : Math.max(0, monotonicNanos - lastRelativeNanos);
            lastRelativeNanos = monotonicNanos;
            long micros = delta / 1000;
            if (absolute > 0) out.append("(+");
            Digits.padLeft(out, micros / 1_000_000, 6, ' ');
            out.append('.');
            Digits.padLeft(out, micros % 1_000_000, 6, '0');
            out.append(absolute > 0 ? ") " : " ");
        }
    }

    private void appendAbsolute(StringBuilder out, long epochNanos) {
        long micros = Math.floorDiv(epochNanos, 1000);
        long seconds = Math.floorDiv(micros, 1_000_000);
        long fraction = Math.floorMod(micros, 1_000_000);
        if (absolute == 3) {
            out.append(seconds).append('.');
            Digits.padLeft(out, fraction, 6, '0');
        } else {
            long local = seconds + localOffsetMillis(seconds) / 1000;
            long secondOfDay = Math.floorMod(local, 86_400);
            Digits.padLeft(out, secondOfDay / 3600, 2, '0');
            out.append(':');
            Digits.padLeft(out, secondOfDay / 60 % 60, 2, '0');
            out.append(':');
            Digits.padLeft(out, secondOfDay % 60, 2, '0');
            if (absolute == 2) {
                out.append('.');
                Digits.padLeft(out, fraction, 6, '0');
            }
        }
        out.append(' ');
    }

    private long localOffsetMillis(long epochSeconds) {
        long minute = Math.floorDiv(epochSeconds, 60);
        if (minute != offsetMinute) {
            offsetMinute = minute;
            offsetMillis = zone.getOffset(epochSeconds * 1000);
        }
        return offsetMillis;
    }
}
