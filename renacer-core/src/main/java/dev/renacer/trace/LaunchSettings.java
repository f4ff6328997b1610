package dev.renacer.trace;

import java.util.List;

/**
 * What a launched command inherits from renacer's caller, as it would from strace: the process
 * state that the JVM between them would otherwise change (see renacer-exec.c for each).
 *
 * @param passDescriptors   descriptors above 2 the command keeps (all others above 2 are closed)
 * @param closedDescriptors standard descriptors (0-2) that were closed when renacer started and hold
 *                          a placeholder since; closed again for the command
 * @param environmentOrder  variable names in the order the command receives them (empty: as is)
 * @param signals           the caller's ignored and blocked signals, or null when not known (then
 *                          real-time signals are reset and the mask emptied)
 * @param environmentChanges -E: {@code VAR=VALUE} sets (replacing the first VAR), {@code VAR} removes, in order
 * @param user              -u: the user the command runs as, or null
 * @param detachOnExec      -b execve: traced tasks are let go at their execve
 */
public record LaunchSettings(int[] passDescriptors, int[] closedDescriptors, List<String> environmentOrder,
                             SignalState signals, List<byte[]> environmentChanges, User user, boolean detachOnExec) {

    /** -u USER: the account's name, uid and primary gid (from the password database). */
    public record User(String name, int uid, int gid) {}

    public LaunchSettings(int[] passDescriptors, int[] closedDescriptors, List<String> environmentOrder, SignalState signals) {
        this(passDescriptors, closedDescriptors, environmentOrder, signals, List.of(), null, false);
    }


    /** Signal sets as /proc/PID/status prints them: bit N-1 for signal N. */
    public record SignalState(long ignored, long blocked) {}

    /** Nothing passed, nothing closed, the environment as is, the signal state not known. */
    public static final LaunchSettings DEFAULT = new LaunchSettings(new int[0], new int[0], List.of(), null);
}
