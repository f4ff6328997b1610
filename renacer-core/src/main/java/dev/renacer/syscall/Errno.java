package dev.renacer.syscall;

import java.util.List;

/**
 * errno names and messages, from the data file {@code errno.tbl}: the names strace prints and the
 * texts glibc's strerror() gives, plus the kernel-internal restart codes 512..531 a tracer can see.
 */
public final class Errno {
    public static final int ERESTARTSYS = 512;
    public static final int ERESTARTNOINTR = 513;
    public static final int ERESTARTNOHAND = 514;
    public static final int ERESTART_RESTARTBLOCK = 516;

    private static final int SIZE = 4096; // every errno a syscall can return (-4095..-1)
    private static final String[] NAMES = new String[SIZE];
    private static final String[] MESSAGES = new String[SIZE];

    static {
        List<String[]> rows = TableLines.read("errno.tbl", 3);
        for (String[] row : rows) {
            int number = Integer.parseInt(row[0]);
            NAMES[number] = row[1];
            MESSAGES[number] = row[2];
        }
        // glibc's text for numbers it has no name for; precomputed so printing a result never allocates.
        for (int i = 0; i < SIZE; i++) if (MESSAGES[i] == null) MESSAGES[i] = "Unknown error " + i;
    }

    private Errno() {}

    /** "ENOENT", or null when the number has no name. */
    public static String name(int errno) {
        return errno >= 0 && errno < SIZE ? NAMES[errno] : null;
    }

    /** "No such file or directory"; "Unknown error N" as glibc says for numbers it does not know. */
    public static String message(int errno) {
        return errno >= 0 && errno < SIZE ? MESSAGES[errno] : "Unknown error " + errno;
    }

    /** The kernel asks for a restart: strace prints these as {@code ? ERESTARTSYS (...)}, not as a failure. */
    public static boolean isRestart(int errno) {
        return errno == ERESTARTSYS || errno == ERESTARTNOINTR || errno == ERESTARTNOHAND
                || errno == ERESTART_RESTARTBLOCK;
    }

    /** The number of an errno name, or -1. */
    public static int number(String name) {
        for (int i = 0; i < SIZE; i++) if (name.equals(NAMES[i])) return i;
        return -1;
    }

    /**
     * Appends a failed call's result as strace does after "= ":
     * {@code -1 ENOENT (No such file or directory)}, {@code ? ERESTARTSYS (To be restarted if SA_RESTART is set)},
     * or {@code -1 4000 (Unknown error 4000)} for a number without a name.
     */
    public static void appendFailure(int errno, StringBuilder out) {
        String name = name(errno);
        out.append(isRestart(errno) ? "? " : "-1 ");
        if (name != null) out.append(name);
        else out.append(errno);
        out.append(" (").append(message(errno)).append(')');
    }
}
