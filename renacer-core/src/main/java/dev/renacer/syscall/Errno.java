package dev.renacer.syscall;

import java.util.List;

/**
 * errno names and messages, from the data file {@code errno.tbl}: the names strace prints and the
 * texts glibc's strerror() gives, plus the kernel-internal restart codes 512..531 a tracer can see.
 */
public final class Errno {
    /** The highest errno a syscall returns, negated, in its return register (the kernel's MAX_ERRNO). */
    private static final int MAX_ERRNO = 4095;
    private static final int SIZE = MAX_ERRNO + 1;
    private static final String[] NAMES = new String[SIZE];
    /** The table's messages; glibc's "Unknown error N" for the others, made at their first use and kept. */
    private static final String[] MESSAGES = new String[SIZE];
    /**
     * What strace prints for each number after "-1 ": the name, or the number for one without a name, made at its
     * first use and kept, so that printing a result allocates at most once per number. Not all 4096 made up front:
     * that was 8192 strings in the interpreter at every start (most of Errno's
     * initialiser, 7.6 ms of CPU under the profiler). A race between threads makes an
     * equal string twice, harmlessly.
     */
    private static final String[] PRINTED = new String[SIZE];
    /** The numbers the table names, in its order. */
    private static final int[] NAMED;

    static {
        List<String[]> rows = TableLines.read("errno.tbl", 3);
        NAMED = new int[rows.size()];
        for (int i = 0; i < NAMED.length; i++) {
            String[] row = rows.get(i);
            int number = Integer.parseInt(row[0]);
            NAMED[i] = number;
            NAMES[number] = row[1];
            MESSAGES[number] = row[2];
            PRINTED[number] = row[1];
        }
    }

    // The kernel-internal codes that ask for a restart, which strace prints as "? ERESTARTSYS (...)".
    private static final int ERESTARTSYS = number("ERESTARTSYS");
    private static final int ERESTARTNOINTR = number("ERESTARTNOINTR");
    private static final int ERESTARTNOHAND = number("ERESTARTNOHAND");
    private static final int ERESTART_RESTARTBLOCK = number("ERESTART_RESTARTBLOCK");

    private Errno() {}

    /**
     * True when a syscall's return value is an error, -4095..-1 (strace's syserror): the errno is its
     * negation. The one place this range is written.
     */
    public static boolean isError(long returnValue) {
        return returnValue < 0 && returnValue >= -MAX_ERRNO;
    }

    /** "ENOENT", or null when the number has no name. */
    public static String name(int errno) {
        return errno >= 0 && errno < SIZE ? NAMES[errno] : null;
    }

    /** "No such file or directory"; "Unknown error N" as glibc says for numbers it does not know. */
    public static String message(int errno) {
        if (errno < 0 || errno >= SIZE) return "Unknown error " + errno;
        String message = MESSAGES[errno];
        if (message == null) MESSAGES[errno] = message = "Unknown error " + errno; // glibc's text for a number it has no name for
        return message;
    }

    /**
     * The errno as strace prints it after "-1 " (and so as every output format names it): {@code ENOENT},
     * or the number for one without a name, {@code 4000}. Allocates for a syscall's errno (1..4095) only the first
     * time a number without a name is printed.
     */
    public static String printedName(int errno) {
        if (errno < 0 || errno >= SIZE) return Integer.toString(errno);
        String printed = PRINTED[errno];
        if (printed == null) PRINTED[errno] = printed = Integer.toString(errno);
        return printed;
    }

    /** Appends {@link #printedName(int)}; without allocating, but for the first time a number without a name is printed. */
    public static void appendPrintedName(int errno, StringBuilder out) {
        if (errno >= 0 && errno < SIZE) out.append(printedName(errno));
        else out.append(errno);
    }

    /** The kernel asks for a restart: strace prints these as {@code ? ERESTARTSYS (...)}, not as a failure. */
    public static boolean isRestart(int errno) {
        return errno == ERESTARTSYS || errno == ERESTARTNOINTR || errno == ERESTARTNOHAND
                || errno == ERESTART_RESTARTBLOCK;
    }

    /** The number of an errno name, or -1. */
    public static int number(String name) {
        for (int number : NAMED) if (name.equals(NAMES[number])) return number;
        return -1;
    }

    /**
     * Appends a failed call's result as strace does after "= ":
     * {@code -1 ENOENT (No such file or directory)}, {@code ? ERESTARTSYS (To be restarted if SA_RESTART is set)},
     * or {@code -1 4000 (Unknown error 4000)} for a number without a name.
     */
    public static void appendFailure(int errno, StringBuilder out) {
        out.append(isRestart(errno) ? "? " : "-1 ");
        appendPrintedName(errno, out);
        out.append(" (").append(message(errno)).append(')');
    }
}
