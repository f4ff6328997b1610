package dev.renacer.filter;

/** How a call ended, for -e status=SET, -z and -Z (strace 6.1's statuses, in its order). */
public enum CallStatus {
    /** Returned without an error code. */
    SUCCESSFUL("successful"),
    /** Returned an error code. */
    FAILED("failed"),
    /** Never returned: the task exited or exec'd in it ({@code = ?}). */
    UNFINISHED("unfinished"),
    /** Its result could not be read ({@code = ? <unavailable>}). */
    UNAVAILABLE("unavailable"),
    /** The tracer let go of the task in the middle of it ({@code <detached ...>}). */
    DETACHED("detached");

    private final String spelling;

    CallStatus(String spelling) {
        this.spelling = spelling;
    }

    /** The ordinal of a status name (any case, as strace compares), or -1. */
    static int lookup(String token) {
        for (CallStatus s : values()) if (s.spelling.equalsIgnoreCase(token)) return s.ordinal();
        return -1;
    }
}
