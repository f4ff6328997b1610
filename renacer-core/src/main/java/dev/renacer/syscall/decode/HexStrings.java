package dev.renacer.syscall.decode;

/** strace's -x and -xx: when a quoted string is printed as {@code \x} escapes. */
public enum HexStrings {
    /** Printable ASCII as is, C escapes, octal for the rest (the default). */
    NONE,
    /** -x: the whole string in hex when it holds a byte that is neither printable ASCII nor whitespace. */
    NON_ASCII,
    /** -xx: every string in hex. */
    ALL;

    /** For a count of -x flags: 0, 1, 2 or more. */
    public static HexStrings ofCount(int xFlags) {
        return xFlags <= 0 ? NONE : xFlags == 1 ? NON_ASCII : ALL;
    }
}
