package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.Environ;
import dev.renacer.linux.LibC;
import dev.renacer.linux.Trampoline;

import java.io.IOException;
import java.util.ArrayList;
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
     * {@code options} while it is stopped; with a {@code seccompProgram} (see SeccompProgram), the trampoline
     * installs it just before its execve. The caller sends SIGCONT when it is ready to trace.
     *
     * @return the pid, seized and still stopped
     */
    static int spawnSeized(Argv command, LaunchSettings launch, String seccompProgram, int options) throws TraceException {
        String name = command.text().get(0);
        byte[] executable = CommandResolver.resolve(command.bytes(0), Environ.rawValue("PATH"));
        // -P: it dies with this process until its execve, so a renacer killed before the seize leaves nothing stopped behind
        List<String> extra = new ArrayList<>(List.of("-P", Long.toString(ProcessHandle.current().pid())));
        if (seccompProgram != null) extra.addAll(List.of("-s", seccompProgram));
        List<byte[]> argv = trampolineArgv(executable, command, launch, extra);
        Memory[] strings = new Memory[argv.size()]; // reachable until posix_spawn returns
        Memory pointers = cStrings(argv, strings);

        IntByReference pidRef = new IntByReference();
        Environ.Block environment = Environ.ordered(launch.environmentOrder(), launch.environmentChanges()); // reachable until posix_spawn returns
        int err = CheckedLibC.posix_spawn(pidRef, nulTerminated(argv.get(0)), null, null, pointers, environment.pointer());
        java.lang.ref.Reference.reachabilityFence(environment);
        java.lang.ref.Reference.reachabilityFence(strings);
        if (err != 0) throw new TraceException("cannot start '" + name + "': " + CheckedLibC.strerror(err));
        int pid = pidRef.getValue();

        Waiter waiter = new Waiter();
        if (waiter.reported(pid, WUNTRACED) == Waiter.NO_CHILD) {
            throw new TraceException("cannot start '" + name + "': " + CheckedLibC.strerror(waiter.errno()));
        }
        if (!stopped(waiter.status())) {
            throw new TraceException("cannot start '" + name + "': " + launcherFailure(waiter.status(), launch.user()));
        }
        try {
            CheckedLibC.ptrace(PTRACE_SEIZE, pid, 0, options);
        } catch (LastErrorException e) {
            LibC.kill(pid, SIGKILL);
            waiter.reported(pid, 0); // reaps it (NO_CHILD: already reaped)
            throw new TraceException("ptrace(PTRACE_SEIZE, " + pid + "): " + CheckedLibC.strerror(e.getErrorCode())
                    + ": the command cannot be traced here (another tracer, seccomp, a container policy or kernel.yama.ptrace_scope)");
        }
        return pid;
    }

    /** The steps of -u in the trampoline, in the order of its exit codes (see renacer-exec.c). */
    private static final String[] USER_STEPS = {"initgroups", "setregid", "setreuid"};

    /** Why the trampoline ended before it stopped: a step of -u that failed (exit 128 + 32 * step + errno), or unknown. */
    static String launcherFailure(int status, LaunchSettings.User user) {
        int code = exited(status) ? exitCode(status) : -1;
        if (user != null && code >= 128 && code < 128 + 32 * USER_STEPS.length) {
            int step = (code - 128) / 32, errno = (code - 128) % 32;
            return "cannot run it as " + user.name() + ": " + USER_STEPS[step] + ": " + CheckedLibC.strerror(errno);
        }
        return "the launcher ended before it could be traced";
    }

    /** The trampoline's argv for {@code command} at {@code executable}: its options, {@code extra} ones, "--", the target. */
    private static List<byte[]> trampolineArgv(byte[] executable, Argv command, LaunchSettings launch, List<String> extra)
            throws TraceException {
        List<byte[]> argv = new ArrayList<>();
        argv.add(encoded(trampoline()));
        for (String word : trampolineOptions(launch)) argv.add(encoded(word));
        for (String word : extra) argv.add(encoded(word));
        argv.add(encoded("--"));
        argv.add(executable);
        for (int i = 0; i < command.size(); i++) argv.add(command.bytes(i));
        return argv;
    }

    /** A NULL-terminated array of C strings; {@code strings} receives the memory, to keep reachable while it is used. */
    private static Memory cStrings(List<byte[]> words, Memory[] strings) {
        Memory pointers = new Memory((words.size() + 1L) * Native.POINTER_SIZE); // NULL-terminated
        for (int i = 0; i < strings.length; i++) {
            byte[] word = words.get(i);
            strings[i] = new Memory(word.length + 1L);
            strings[i].write(0, word, 0, word.length);
            strings[i].setByte(word.length, (byte) 0);
            pointers.setPointer((long) i * Native.POINTER_SIZE, strings[i]);
        }
        pointers.setPointer((long) strings.length * Native.POINTER_SIZE, null);
        return pointers;
    }

    /**
     * renacer -D: starts {@code tracer} (argv[0] the program's path) behind the trampoline's -d, which forks it
     * off as a grandchild and waits to be killed by it; its descriptors above 2 are closed but {@code keep}.
     *
     * @return the pid of the waiting trampoline
     */
    static int spawnDaemonTracer(List<byte[]> tracer, int level, int[] keep) throws TraceException {
        List<byte[]> argv = new ArrayList<>();
        argv.add(encoded(trampoline()));
        if (keep.length > 0) {
            argv.add(encoded("-k"));
            argv.add(encoded(list(keep)));
        }
        argv.add(encoded("-d"));
        argv.add(encoded(Integer.toString(level)));
        argv.add(encoded("--"));
        argv.add(tracer.get(0));
        argv.addAll(tracer);
        Memory[] strings = new Memory[argv.size()];
        Memory pointers = cStrings(argv, strings);
        IntByReference pid = new IntByReference();
        int err = CheckedLibC.posix_spawn(pid, nulTerminated(argv.get(0)), null, null, pointers, Environ.pointer());
        java.lang.ref.Reference.reachabilityFence(strings);
        if (err != 0) throw new TraceException("cannot start the tracer: " + CheckedLibC.strerror(err));
        return pid.getValue();
    }

    /**
     * renacer -D: this process becomes the trampoline, which becomes {@code command} without stopping (the tracer
     * has seized this process already). Returns only if the execve fails.
     */
    static TraceException execInPlace(byte[] executable, Argv command, LaunchSettings launch) throws TraceException {
        List<byte[]> argv = trampolineArgv(executable, command, launch, List.of("-n", "1"));
        Memory[] strings = new Memory[argv.size()];
        Memory pointers = cStrings(argv, strings);
        Environ.Block environment = Environ.ordered(launch.environmentOrder(), launch.environmentChanges());
        try {
            CheckedLibC.execve(nulTerminated(argv.get(0)), pointers, environment.pointer());
        } catch (LastErrorException e) {
            return new TraceException("cannot become '" + command.text().get(0) + "': " + CheckedLibC.strerror(e.getErrorCode()));
        } finally {
            java.lang.ref.Reference.reachabilityFence(strings);
            java.lang.ref.Reference.reachabilityFence(environment);
        }
        return new TraceException("cannot become '" + command.text().get(0) + "'");
    }

    /**
     * A child that exits at once: its death wakes a waitpid(-1) blocked on the tracer thread, which waits
     * for all children of this process. The trampoline exits 127 when given no target.
     */
    static void spawnWakeUpChild() {
        try {
            byte[] path = Trampoline.path().getBytes(Argv.nativeCharset());
            Memory[] strings = new Memory[1];
            CheckedLibC.posix_spawn(new IntByReference(), nulTerminated(path), null, null, cStrings(List.of(path), strings),
                    Environ.pointer());
            java.lang.ref.Reference.reachabilityFence(strings);
        } catch (IOException e) {
            // nothing better to do: the loop sees the request at the next stop
        }
    }

    /** The trampoline's options for {@code launch} (see renacer-exec.c), before its "--". */
    static List<String> trampolineOptions(LaunchSettings launch) {
        List<String> words = new ArrayList<>();
        if (launch.passDescriptors().length > 0) words.addAll(List.of("-k", list(launch.passDescriptors())));
        if (launch.closedDescriptors().length > 0) words.addAll(List.of("-c", list(launch.closedDescriptors())));
        if (launch.user() != null) {
            LaunchSettings.User u = launch.user();
            words.addAll(List.of("-u", Integer.toUnsignedString(u.uid()) + ":" + Integer.toUnsignedString(u.gid()) + ":" + u.name()));
        }
        if (launch.signals() != null) {
            words.addAll(List.of("-i", Long.toHexString(launch.signals().ignored()),
                    "-b", Long.toHexString(launch.signals().blocked())));
        }
        return words;
    }

    private static String list(int[] fds) {
        StringBuilder out = new StringBuilder();
        for (int fd : fds) {
            if (out.length() > 0) out.append(',');
            out.append(fd);
        }
        return out.toString();
    }

    private static byte[] encoded(String s) {
        return s.getBytes(Argv.nativeCharset());
    }

    private static byte[] nulTerminated(byte[] bytes) {
        return dev.renacer.linux.FileStatus.terminated(bytes);
    }

    private static String trampoline() throws TraceException {
        try {
            return Trampoline.path();
        } catch (IOException | LastErrorException e) {
            throw new TraceException("cannot prepare the launch trampoline: " + e.getMessage());
        }
    }
}
