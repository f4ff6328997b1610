package dev.renacer.cli;

/**
 * strace's {@code -I}: when renacer may be interrupted by a fatal signal (SIGHUP, SIGINT, SIGQUIT,
 * SIGPIPE, SIGTERM). Default: {@link #NEVER} for {@code -o FILE CMD} (the command runs to its end
 * whatever happens to the terminal), {@link #WAITING} otherwise, as in strace 6.1.
 */
enum Interruptibility {
    /** -I1: signals keep their default action: renacer dies at once. */
    ANYWHERE,
    /** -I2: renacer lets go of its tracees (the launched command gets the signal too), then dies by it. */
    WAITING,
    /** -I3: fatal signals are ignored. */
    NEVER,
    /** -I4: fatal signals and SIGTSTP (^Z) are ignored. */
    NEVER_TSTP;

    /** Parses 1-4 or strace's names (anywhere, always, waiting, never, never_tstp); null if neither. */
    static Interruptibility parse(String value) {
        return switch (value) {
            case "1", "anywhere", "always" -> ANYWHERE;
            case "2", "waiting" -> WAITING;
            case "3", "never" -> NEVER;
            case "4", "never_tstp" -> NEVER_TSTP;
            default -> null;
        };
    }

    /** strace's default: -I3 when the trace goes to a file and a command is launched, else -I2. */
    static Interruptibility byDefault(boolean outputToFile, boolean launching) {
        return outputToFile && launching ? NEVER : WAITING;
    }
}
