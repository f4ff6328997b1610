package dev.renacer.filter;

/** The messages -q, -qq, -qqq and -e quiet=SET suppress (strace 6.1's quiet set). */
public enum Quiet {
    /** "Process N attached", "Process N detached". */
    ATTACH("attach"),
    /** "+++ exited with N +++". */
    EXIT("exit", "exits"),
    /** -P's "Requested path ... resolved into ...". */
    PATH_RESOLUTION("path-resolution"),
    /** "[ Process PID=N runs in 32 bit mode. ]". */
    PERSONALITY("personality"),
    /** "+++ superseded by execve in pid N +++". */
    THREAD_EXECVE("thread-execve", "superseded");

    private final String[] spellings;

    Quiet(String... spellings) {
        this.spellings = spellings;
    }

    /** The ordinal of a message name (any case), or -1. */
    static int lookup(String token) {
        for (Quiet q : values()) for (String s : q.spellings) if (s.equalsIgnoreCase(token)) return q.ordinal();
        return -1;
    }
}
