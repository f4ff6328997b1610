package dev.renacer.filter;

import dev.renacer.syscall.Errno;
import dev.renacer.syscall.SyscallClass;
import dev.renacer.syscall.SyscallTable;

import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * The argument of -e inject= and -e fault=, parsed as strace 6.1's filter_qualify.c parses it:
 * {@code SET:TOKEN:TOKEN...} with the tokens {@code when=FIRST[..LAST][+[STEP]]}, {@code syscall=NAME},
 * {@code error=ERRNO}, {@code retval=N}, {@code signal=SIG}, {@code delay_enter=TIME},
 * {@code delay_exit=TIME} (fault= takes when=, syscall= and error= only, and fails with ENOSYS by
 * default). A bad token fails the whole argument: "invalid inject argument 'ARG'".
 */
final class InjectSpec {
    private static final int MAX_ERRNO = 4095;
    private static final long MAX_DELAY_NANOS = Long.MAX_VALUE;

    private InjectSpec() {}

    /** The syscalls named by the argument and what is done to them. */
    record Parsed(TraceFilter syscalls, InjectAction action) {}

    /**
     * @param faultOnly -e fault=: only when=, syscall= and error= are tokens, and error=ENOSYS is the default
     * @param warnings  where strace's non-fatal remarks go ("Inadvertent injection of error ...")
     */
    static Parsed parse(String argument, boolean faultOnly, Consumer<String> warnings) {
        String description = faultOnly ? "fault argument" : "inject argument";
        FilterException invalid = new FilterException("invalid " + description + " '" + argument + "'");
        String name = "";
        int first = 1, last = InjectAction.LAST_INFINITE, step = 1;
        int errno = 0, signal = 0, replacement = -1;
        long retval = 0, delayEnter = -1, delayExit = -1;
        boolean setsRetval = false;
        if (!argument.isEmpty() && argument.charAt(0) != ':') {
            String[] fields = argument.split(":");
            name = fields[0];
            for (int f = 1; f < fields.length; f++) {
                String token = fields[f];
                if (token.isEmpty()) continue; // strtok collapses "::"
                String value;
                if ((value = after(token, "when=")) != null) {
                    int[] when = when(value);
                    if (when == null) throw invalid;
                    first = when[0];
                    last = when[1];
                    step = when[2];
                } else if ((value = after(token, "syscall=")) != null) {
                    if (replacement >= 0) throw invalid;
                    int n = SyscallTable.number(value);
                    // only calls without side effects may stand in for another
                    if (n < 0 || !SyscallTable.inClass(n, SyscallClass.PURE)) throw invalid;
                    replacement = n;
                } else if ((value = after(token, "error=")) != null) {
                    if (errno != 0 || setsRetval) throw invalid;
                    int n = NumberSet.unsigned(value);
                    if (n > MAX_ERRNO) n = -1;
                    if (n < 0) n = errnoByName(value);
                    if (n < 1) throw invalid;
                    errno = n;
                } else if (!faultOnly && (value = after(token, "retval=")) != null) {
                    if (errno != 0 || setsRetval) throw invalid;
                    Long v = unsignedLong(value);
                    if (v == null) throw invalid;
                    retval = v;
                    setsRetval = true;
                    if (Errno.isError(retval)) {
                        warnings.accept("Inadvertent injection of error " + -retval + " is possible for retval="
                                + Long.toUnsignedString(retval));
                    }
                } else if (!faultOnly && (value = after(token, "signal=")) != null) {
                    if (signal != 0) throw invalid;
                    int s = SignalNames.lookup(value);
                    if (s < 1 || s > 64) throw invalid;
                    signal = s;
                } else if (!faultOnly && (value = after(token, "delay_enter=")) != null) {
                    if (delayEnter >= 0) throw invalid;
                    delayEnter = nanos(value);
                    if (delayEnter < 0) throw invalid;
                } else if (!faultOnly && (value = after(token, "delay_exit=")) != null) {
                    if (delayExit >= 0) throw invalid;
                    delayExit = nanos(value);
                    if (delayExit < 0) throw invalid;
                } else {
                    throw invalid;
                }
            }
        }
        TraceFilter syscalls = TraceFilter.parse(name);
        boolean acts = errno != 0 || setsRetval || signal != 0 || delayEnter >= 0 || delayExit >= 0;
        if (!acts) {
            if (!faultOnly) throw invalid;
            errno = Errno.number("ENOSYS");
        }
        return new Parsed(syscalls, new InjectAction(first, last, step, errno, retval, setsRetval, signal, delayEnter,
                delayExit, replacement));
    }

    private static String after(String token, String prefix) {
        return token.startsWith(prefix) ? token.substring(prefix.length()) : null;
    }

    /**
     * when=: F (the F-th call only), F+ (from the F-th on), F+S (every S-th from F), F..L, F..L+S; numbers
     * 1..65535 (L below 65535). {first, last, step}, or null.
     */
    private static int[] when(String value) {
        int i = digitsEnd(value, 0);
        int first = number(value, 0, i, 0xffff);
        if (first < 1) return null;
        int last = InjectAction.LAST_INFINITE;
        int at = i;
        if (at < value.length() && value.charAt(at) == '.') {
            if (at + 1 >= value.length() || value.charAt(at + 1) != '.') return null;
            int from = at + 2;
            int end = digitsEnd(value, from);
            last = number(value, from, end, 0xffff);
            if (last < first || last == InjectAction.LAST_INFINITE) return null;
            at = end;
        }
        int step;
        if (at < value.length()) {
            if (value.charAt(at) != '+') return null;
            String rest = value.substring(at + 1);
            if (rest.isEmpty()) {
                step = 1;
            } else {
                step = number(rest, 0, rest.length(), 0xffff);
                if (step < 1) return null;
            }
        } else {
            step = last == InjectAction.LAST_INFINITE ? 0 : 1;
        }
        return new int[] {first, last, step};
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }

    /** The decimal number s[from, to), at most {@code max}; -1 if there is none or it is larger. */
    private static int number(String s, int from, int to, int max) {
        if (to <= from || to - from > 9) return -1;
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        int v = Integer.parseInt(s.substring(from, to));
        return v > max ? -1 : v;
    }

    private static int errnoByName(String name) {
        for (int e = 1; e <= MAX_ERRNO; e++) {
            String n = Errno.name(e);
            if (n != null && n.equalsIgnoreCase(name)) return e;
        }
        return -1;
    }

    /** strtoull(value, 0): decimal, 0x hex or 0 octal, the whole string, within 64 bits; null otherwise. */
    private static Long unsignedLong(String value) {
        String v = value.trim();
        boolean negative = false;
        if (v.startsWith("+")) v = v.substring(1);
        else if (v.startsWith("-")) {
            negative = true; // strtoull negates in unsigned arithmetic
            v = v.substring(1);
        }
        int radix = 10;
        if (v.startsWith("0x") || v.startsWith("0X")) {
            radix = 16;
            v = v.substring(2);
        } else if (v.length() > 1 && v.startsWith("0")) {
            radix = 8;
            v = v.substring(1);
        }
        if (v.isEmpty() || !value.equals(value.trim())) return null;
        BigInteger n;
        try {
            n = new BigInteger(v, radix);
        } catch (NumberFormatException e) {
            return null;
        }
        if (n.signum() < 0 || n.bitLength() > 64) return null;
        long bits = n.longValue();
        return negative ? -bits : bits;
    }

    /** delay_enter= and delay_exit=: a number (decimal or float) with an optional unit s, ms, us, ns; microseconds by default. -1 if malformed. */
    static long nanos(String value) {
        int end = 0;
        boolean fractional = false;
        while (end < value.length() && "eE.-+0123456789".indexOf(value.charAt(end)) >= 0) {
            if ("eE.-".indexOf(value.charAt(end)) >= 0) fractional = true;
            end++;
        }
        if (end == 0) return -1;
        String unit = value.substring(end);
        long scale = switch (unit.toLowerCase(java.util.Locale.ROOT)) {
            case "" , "us" -> 1_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "ns" -> 1L;
            default -> -1L;
        };
        if (scale < 0) return -1;
        String number = value.substring(0, end);
        try {
            if (fractional) {
                double d = Double.parseDouble(number);
                if (d < 0 || Double.isNaN(d) || d * scale > MAX_DELAY_NANOS) return -1;
                return (long) (d * scale);
            }
            long n = Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
            if (n < 0 || n > MAX_DELAY_NANOS / scale) return -1;
            return n * scale;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
