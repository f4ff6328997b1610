package dev.renacer.output;

/** Number formatting onto a StringBuilder without the String that String.format would allocate. */
final class Digits {
    private Digits() {}

    /** Appends the non-negative {@code value} right-aligned in {@code width} characters, padded with {@code pad}. */
    static void padLeft(StringBuilder out, long value, int width, char pad) {
        int digits = count(value);
        for (int i = digits; i < width; i++) out.append(pad);
        out.append(value);
    }

    /** Appends nanoseconds as seconds with six decimals: {@code 0.000123}, as strace's -T and -c print them. */
    static void seconds(StringBuilder out, long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        out.append(micros / 1_000_000).append('.');
        padLeft(out, micros % 1_000_000, 6, '0');
    }

    static int count(long value) {
        int n = 1;
        while (value >= 10) {
            value /= 10;
            n++;
        }
        return n;
    }
}
