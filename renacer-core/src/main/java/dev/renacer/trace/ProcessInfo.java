package dev.renacer.trace;

import java.util.List;

/**
 * A traced process as sinks see it. Immutable; created on the rare events (start, fork, exec), never
 * on the per-syscall path.
 *
 * @param pid        process id (thread-group id)
 * @param parentPid  the traced parent's pid under -f, or 0 for a process renacer launched or attached to
 * @param executable path of the program (from /proc/PID/exe, or the path renacer executed)
 * @param argv       argument vector (argv[0] first); empty when unknown
 * @param comm       short command name, as /proc/PID/comm
 * @param startEpochNanos when renacer first saw it, nanoseconds since the epoch
 * @param attached   true when it was attached with -p rather than launched or forked
 */
public record ProcessInfo(int pid, int parentPid, String executable, List<String> argv, String comm,
                          long startEpochNanos, boolean attached) {
    public ProcessInfo {
        argv = List.copyOf(argv);
    }
}
