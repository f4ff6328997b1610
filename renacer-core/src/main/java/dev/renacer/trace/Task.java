package dev.renacer.trace;

import static dev.renacer.linux.Ptrace.PTRACE_CONT;
import static dev.renacer.linux.Ptrace.PTRACE_LISTEN;
import static dev.renacer.linux.Ptrace.PTRACE_SYSCALL;

/** The tracer's record of one traced thread (a "task"), keyed by tid; its {@link TaskState} says where it is. */
final class Task {
    int tid;
    /** Thread-group id: the process this task belongs to. */
    final int pid;
    TaskState state;
    /** errno of the trampoline's failed execve, reported if the task then dies hidden. */
    int failedExecErrno;
    final SyscallEvent event = new SyscallEvent();
    final WorkCounts work;

    /**
     * The task runs under renacer's seccomp filter (--seccomp-bpf): known from its first seccomp stop (or its
     * parent's, filters being inherited), never assumed. Outside a syscall it then goes on with PTRACE_CONT and
     * stops only at the calls the filter selects; inside one, with PTRACE_SYSCALL, to see the exit.
     */
    boolean seccompFiltered;

    /** -P: whether the execve the hidden trampoline is in names a selected path (strace checks it at its entry). */
    boolean execMatchesPaths = true;

    // -e inject= (see Injector): this task's counters per injected syscall, created at its first such call,
    // and what was done to the call in flight
    int[] injectCounters;
    boolean tampered;
    /** The call was replaced by a syscall= one, which must succeed. */
    boolean tamperedNoFail;
    int injectSlot;
    boolean injectedResult;
    boolean delayed;
    /** How long to hold the task stopped before it goes on from this stop (delay_enter=, delay_exit=), or -1. */
    long holdNanos = -1;
    long holdAfterExitNanos = -1;
    /** While held by {@link Delays}: until when ({@link System#nanoTime()}) and the signal to restart with. */
    long heldUntil;
    int heldSignal;

    Task(int tid, int pid, TaskState state, WorkCounts work) {
        this.work = work;
        this.tid = tid;
        this.pid = pid;
        this.state = state;
        event.tid = tid;
        event.pid = pid;
    }

    /** A non-leader thread exec'd and took its leader's tid (ptrace(2), "execve(2) under ptrace"). */
    void rebind(int newTid) {
        tid = newTid;
        event.tid = newTid;
    }

    /**
     * Lets the task run to its next syscall stop, delivering {@code signal} (0: none): under the seccomp
     * filter and outside a syscall, to the next call the filter selects (strace's seccomp_filter_restart_operator).
     */
    void restart(int signal) {
        state = state.restarted();
        work.ptrace(seccompFiltered && !state.inSyscall() ? PTRACE_CONT : PTRACE_SYSCALL, tid, 0, signal);
    }

    /** Leaves the task in its group-stop, as it would be untraced; LISTEN lets the tracer see the SIGCONT. */
    void listen() {
        state = state.groupStopped();
        work.ptrace(PTRACE_LISTEN, tid, 0, 0);
    }
}
