package dev.renacer.trace;

/**
 * What the tracer hands on. Every method is called on the tracer thread, synchronously, in the
 * order things happened; an implementation must not block and must not keep references to the
 * reused {@link SyscallEvent}. Sinks (text, JSON, statistics, OTLP) implement this; the tracer knows
 * nothing of them.
 */
public interface TraceListener {

    /** A process enters the trace: the launched command, an attached pid, or a forked child under -f. */
    default void onProcessStart(ProcessInfo process) {}

    /** A process replaced its program (execve succeeded). {@code process} holds the new executable and argv. */
    default void onExec(ProcessInfo process) {}

    /**
     * A syscall passed the filter and reached its entry stop: {@code event.arguments} holds what can be
     * decoded before the call runs. Called before {@link #onSyscall} for the same call.
     */
    default void onSyscallEntry(SyscallEvent event) {}

    /** A syscall that passed the filter finished (or, with {@code returned == false}, never will). */
    default void onSyscall(SyscallEvent event) {}

    /**
     * A signal was delivered to a task (signal-delivery-stop).
     *
     * @param siginfo strace style, with braces: {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, ...}}
     */
    default void onSignal(int tid, int pid, int signal, CharSequence siginfo) {}

    /**
     * A task's calls switched from the x86_64 ABI to the i386 one ({@code int $0x80}), or back: strace's
     * {@code [ Process PID=1234 runs in 32 bit mode. ]}. Told at the entry stop of the first call of the
     * other ABI, whether the filter passes that call or not, as strace tells it.
     */
    default void onAbiChange(int tid, int pid, boolean i386) {}

    /** A task entered a group-stop (strace's {@code --- stopped by SIGSTOP ---}); it stays stopped until SIGCONT. */
    default void onGroupStop(int tid, int pid, int signal) {}

    /**
     * A process (thread group) ended. {@code termSignal} is 0 when it exited normally with
     * {@code exitCode}; otherwise the signal that killed it.
     */
    default void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {}

    /**
     * A thread other than its process's leader ended (strace prints {@code +++ exited with 0 +++} for it
     * too under -f). Its process goes on until {@link #onProcessExit} for the leader.
     */
    default void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {}

    /**
     * A thread other than its process's leader called execve: the leader ({@code leaderTid}, the pid) is
     * gone without an exit of its own (strace's {@code +++ superseded by execve in pid N +++}), and from
     * now on the thread that exec'd, {@code execingTid}, carries the leader's tid. A call the leader was in
     * has been reported as never returned just before.
     */
    default void onSuperseded(int leaderTid, int execingTid) {}

    /** The tracer let go of a process that goes on running (detach after SIGINT/SIGTERM with -p). */
    default void onDetach(int pid) {}

    /**
     * Exact figures for one syscall that the backend counted itself (the eBPF backend counts in the
     * kernel): they replace whatever was counted from {@link #onSyscall} events. Called before
     * {@link #onFinish}, once per syscall number seen, only by backends that count.
     *
     * @param totalNanos wall time from entry to exit summed over the calls; min and max likewise
     */
    default void onSyscallCounts(int number, long calls, long errors, long totalNanos, long minNanos, long maxNanos) {}

    /**
     * What the backend could not deliver, once, before {@link #onFinish}, by backends that can lose
     * (the eBPF backend, when its ring buffer was full): {@code events} records never reached the
     * listener. Counts from {@link #onSyscallCounts} are exact all the same.
     */
    default void onEventsLost(long events) {}

    /** The trace is over: write summaries, flush, release resources. Called exactly once. */
    default void onFinish() {}
}
