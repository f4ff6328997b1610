package dev.renacer.syscall;

/** Number formatting straight into a StringBuilder: the JDK's toHexString/toOctalString would allocate. */
public final class Num {
    private Num() {}

    /** "0x1f" (no leading zeros); 0 prints "0x0", so callers that want strace's bare "0" check first. */
    public static void appendHex(long value, StringBuilder out) {
        out.append("0x");
        appendDigits(value, 4, out);
    }

    /** strace's %#lx: "0" for zero, else "0x..". */
    public static void appendHexOrZero(long value, StringBuilder out) {
        if (value == 0) out.append('0');
        else appendHex(value, out);
    }

    /** Hex digits without "0x", zero-padded to at least {@code width} digits (C's %0*lx). */
    public static void appendHexDigits(long value, int width, StringBuilder out) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(value)) / 4);
        for (int pad = digits; pad < width; pad++) out.append('0');
        appendDigits(value, 4, out);
    }

    /** An address: NULL or hex. */
    public static void appendAddress(long value, StringBuilder out) {
        if (value == 0) out.append("NULL");
        else appendHex(value, out);
    }

    /** strace's %#o for modes: a leading 0, at least three digits ("000", "0644", "04755"). */
    public static void appendOctalMode(long value, StringBuilder out) {
        if (value == 0) {
            out.append("000");
            return;
        }
        out.append(value < 010 ? "00" : "0");
        appendDigits(value, 3, out);
    }

    /** Unsigned decimal of all 64 bits (size_t). */
    public static void appendUnsigned(long value, StringBuilder out) {
        if (value >= 0) {
            out.append(value);
        } else {
            long quotient = (value >>> 1) / 5;
            out.append(quotient).append((char) ('0' + (value - quotient * 10)));
        }
    }

    /**
     * The kernel's clock_t unit for user space (USER_HZ, what sysconf(_SC_CLK_TCK) returns on every Linux):
     * strace converts clock_t values to seconds with it.
     */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /**
     * A clock_t as strace's print_clock_t prints it: unsigned, then, when not 0, the seconds in a comment
     * with as many decimals as the tick rate has zeros ({@code 47 /* 0.47 s *\/}, {@code 1234 /* 12.34 s *\/}).
     */
    public static void appendClockTicks(long ticks, StringBuilder out) {
        appendUnsigned(ticks, out);
        if (ticks == 0) return;
        long seconds = Long.divideUnsigned(ticks, CLOCK_TICKS_PER_SECOND);
        int fraction = (int) Long.remainderUnsigned(ticks, CLOCK_TICKS_PER_SECOND);
        out.append(" /* ");
        appendUnsigned(seconds, out);
        out.append('.');
        if (fraction < 10) out.append('0');
        out.append(fraction).append(" s */");
    }

    private static void appendDigits(long value, int bitsPerDigit, StringBuilder out) {
        int mask = (1 << bitsPerDigit) - 1;
        int top = 63 - Long.numberOfLeadingZeros(value | 1);
        int shift = top - top % bitsPerDigit;
        for (; shift >= 0; shift -= bitsPerDigit) {
            out.append(Character.forDigit((int) (value >>> shift) & mask, 16));
        }
    }
}
