package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.Environ;
import dev.renacer.linux.LibC;
import dev.renacer.linux.Trampoline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.renacer.linux.Ptrace.*;

/**
 * Starts processes without forking the JVM: posix_spawn of the trampoline, which stops itself before
 * its execve so that it can be seized (see renacer-exec.c and {@link Trampoline}).
 */
final class Spawner {
    private Spawner() {}

    /**
     * Spawns {@code command} (resolved on PATH) behind the trampoline and PTRACE_SEIZEs it with
     * {@code options} while it is stopped. The caller sends SIGCONT when it is ready to trace.
     *
     * @param passDescriptors descriptors above 2 the command keeps; the trampoline closes the others
     * @param environmentOrder variable names in the order the command receives them (empty: as is)
     * @return the pid, seized and still stopped
     */
    static int spawnSeized(List<String> command, int[] passDescriptors, List<String> environmentOrder, int options)
            throws TraceException {
        Path executable = CommandResolver.resolve(command.get(0), System.getenv("PATH"));
        String[] argv = new String[command.size() + 3];
        argv[0] = trampoline().toString();
        argv[1] = keepArgument(passDescriptors);
        argv[2] = executable.toString();
        for (int i = 0; i < command.size(); i++) argv[i + 3] = command.get(i);

        IntByReference pidRef = new IntByReference();
        Pointer environment = Environ.ordered(environmentOrder); // reachable until posix_spawn returns
        int err = CheckedLibC.INSTANCE.posix_spawn(pidRef, argv[0], null, null, argv, environment);
        if (err != 0) throw new TraceException("cannot start '" + command.get(0) + "': " + CheckedLibC.INSTANCE.strerror(err));
        int pid = pidRef.getValue();

        Waiter waiter = new Waiter();
        if (waiter.reported(pid, WUNTRACED) == Waiter.NO_CHILD) {
            throw new TraceException("cannot start '" + command.get(0) + "': " + CheckedLibC.INSTANCE.strerror(waiter.errno()));
        }
        if (!stopped(waiter.status())) {
            throw new TraceException("cannot start '" + command.get(0) + "': the launcher ended before it could be traced");
        }
        try {
            CheckedLibC.INSTANCE.ptrace(PTRACE_SEIZE, pid, 0, options);
        } catch (LastErrorException e) {
            LibC.kill(pid, SIGKILL);
            waiter.reported(pid, 0); // reaps it (NO_CHILD: already reaped)
            throw new TraceException("ptrace(PTRACE_SEIZE, " + pid + "): " + CheckedLibC.INSTANCE.strerror(e.getErrorCode())
                    + ": the command cannot be traced here (another tracer, seccomp, a container policy or kernel.yama.ptrace_scope)");
        }
        return pid;
    }

    /**
     * A child that exits at once: its death wakes a waitpid(-1) blocked on the tracer thread, which waits
     * for all children of this process. The trampoline exits 127 when given no target.
     */
    static void spawnWakeUpChild() {
        try {
            String path = Trampoline.path().toString();
            CheckedLibC.INSTANCE.posix_spawn(new IntByReference(), path, null, null, new String[] {path}, Environ.pointer());
        } catch (IOException e) {
            // nothing better to do: the loop sees the request at the next stop
        }
    }

    /** The trampoline's first argument: "-" or the descriptors to keep, comma-separated. */
    static String keepArgument(int[] fds) {
        if (fds.length == 0) return "-";
        StringBuilder out = new StringBuilder();
        for (int fd : fds) {
            if (out.length() > 0) out.append(',');
            out.append(fd);
        }
        return out.toString();
    }

    private static Path trampoline() throws TraceException {
        try {
            return Trampoline.path();
        } catch (IOException e) {
            throw new TraceException("cannot prepare the launch trampoline: " + e.getMessage());
        }
    }
}
