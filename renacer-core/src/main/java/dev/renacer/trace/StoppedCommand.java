package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.LibC;

import static dev.renacer.linux.Ptrace.*;

/**
 * A launched command held before its execve without being traced, for backends that do not ptrace
 * (eBPF): the trampoline stops itself; {@link Spawner} seizes it (with no options), and this lets go of
 * it again at once. A task detached while its group is stopped goes back to that group-stop
 * (kernel/ptrace.c, __ptrace_unlink), so it stays stopped, untraced, until the caller sends SIGCONT.
 */
public final class StoppedCommand {
    private StoppedCommand() {}

    /**
     * Spawns {@code command} (resolved on PATH) stopped before its execve; the caller sends SIGCONT and
     * reaps it. Every call must come from one thread (ptrace's rule, for the brief seize).
     */
    public static int spawn(Argv command, LaunchSettings launch) throws TraceException {
        int pid = Spawner.spawnSeized(command, launch, null, 0);
        IntByReference status = new IntByReference();
        try {
            // seizing a stopped task traps it (PTRACE_EVENT_STOP): take that report, then detach
            CheckedLibC.waitpid(pid, status, WALL);
            CheckedLibC.ptrace(PTRACE_DETACH, pid, 0, 0);
        } catch (LastErrorException e) {
            LibC.kill(pid, SIGKILL);
            throw new TraceException("cannot start '" + command.text().get(0) + "': " + CheckedLibC.strerror(e.getErrorCode()));
        }
        return pid;
    }
}
