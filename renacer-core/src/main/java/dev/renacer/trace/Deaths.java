package dev.renacer.trace;

import dev.renacer.linux.CheckedLibC;

import java.io.PrintStream;

import static dev.renacer.linux.Ptrace.*;

/** A task exited or was killed: what the listener and the user are told, and the launched command's exit status. */
final class Deaths {
    private final Tracees tracees;
    private final TraceListener listener;
    private final PrintStream diagnostics;

    Deaths(Tracees tracees, TraceListener listener, PrintStream diagnostics) {
        this.tracees = tracees;
        this.listener = listener;
        this.diagnostics = diagnostics;
    }

    /** A task that is gone while in a call it was seen to enter: the call is reported as never returned, strace's "= ?". */
    void endCallUnreturned(Task task) {
        if (!task.state.traced()) return;
        SyscallEvent e = task.event;
        e.returned = false;
        e.exitNanos = System.nanoTime();
        e.result.setLength(0);
        e.result.append('?');
        listener.onSyscall(e);
        tracees.work.tracedSyscalls++;
    }

    /** @param st the wait status, exited or signaled */
    void onDeath(Task task, int st) {
        tracees.remove(task.tid);
        endCallUnreturned(task);
        if (task.state.hidden()) {
            if (task.tid == tracees.rootPid()) {
                String reason = task.failedExecErrno != 0 ? CheckedLibC.strerror(task.failedExecErrno) : "it ended before its execve";
                diagnostics.println("renacer: exec: " + tracees.rootCommand().get(0) + ": " + reason);
                tracees.rootExitStatus = 1;
            }
            return;
        }
        boolean byExit = exited(st);
        int code = byExit ? exitCode(st) : 0;
        int signal = byExit ? 0 : termSignal(st);
        if (task.tid != task.pid) { // a thread: its process goes on
            listener.onThreadExit(task.tid, task.pid, code, signal, !byExit && coreDumped(st));
            return;
        }
        if (task.tid == tracees.rootPid()) {
            tracees.rootExitStatus = byExit ? code : 128 + signal;
            tracees.rootTermSignal = signal;
        }
        tracees.end(task.pid);
        listener.onProcessExit(task.pid, code, signal, !byExit && coreDumped(st));
    }
}
