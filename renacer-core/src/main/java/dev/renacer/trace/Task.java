package dev.renacer.trace;

/** The tracer's state for one traced thread (a "task"), keyed by tid. */
final class Task {
    int tid;
    /** Thread-group id: the process this task belongs to. */
    int pid;
    /** Between a syscall-entry stop and its syscall-exit stop. */
    boolean inSyscall;
    /** The current syscall passed the filter: its entry was decoded and handed on. */
    boolean traced;
    /** Still the launch trampoline: everything before the target's execve is hidden, as strace hides its own fork. */
    boolean hidden;
    /** errno of the trampoline's failed execve, reported if the task then dies hidden. */
    int failedExecErrno;
    /** In a group-stop we left it in with PTRACE_LISTEN. */
    boolean groupStopped;
    /** PTRACE_INTERRUPT sent while detaching: waiting for its stop. */
    boolean detaching;
    final SyscallEvent event = new SyscallEvent();

    Task(int tid, int pid) {
        this.tid = tid;
        this.pid = pid;
        event.tid = tid;
        event.pid = pid;
    }

    void rebind(int newTid) {
        tid = newTid;
        event.tid = newTid;
    }
}
