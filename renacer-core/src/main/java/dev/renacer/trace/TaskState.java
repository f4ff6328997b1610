package dev.renacer.trace;

/**
 * Where one traced task is, as the tracer sees it, and every move it can make: the state machine of
 * a tracee. The handlers of the ptrace loop ask the state what a stop means and take the next state
 * from here; nowhere else is a task's state changed.
 *
 * <pre>
 *   BEFORE_TRAMPOLINE  --entry--&gt;  BEFORE_TRAMPOLINE_IN_SYSCALL  --exit--&gt;  BEFORE_TRAMPOLINE  (renacer -D)
 *   BEFORE_TRAMPOLINE_IN_SYSCALL  --exec--&gt;  HIDDEN_IN_SYSCALL     (renacer, seized by its -D tracer, became the trampoline)
 *   HIDDEN  --entry--&gt;  HIDDEN_IN_SYSCALL  --exit--&gt;  HIDDEN          (the launch trampoline)
 *   HIDDEN_IN_SYSCALL  --exec--&gt;  IN_TRACED_SYSCALL | IN_SYSCALL      (the target's execve: the trace begins)
 *   RUNNING  --entry--&gt;  IN_TRACED_SYSCALL (passed the filter) | IN_SYSCALL
 *   IN_TRACED_SYSCALL | IN_SYSCALL  --exit--&gt;  RUNNING
 *   RUNNING  --group-stop--&gt;  GROUP_STOPPED  --restart--&gt;  RUNNING
 * </pre>
 *
 * A syscall-exit stop without its entry (a task attached in the middle of a call) changes nothing.
 * Detaching is not a state: once it starts, every stop of every task means "let go" (see {@link Detacher}).
 */
enum TaskState {
    /**
     * renacer -D: the renacer process that the command will replace, seized by the tracer it started and not yet
     * the trampoline; hidden like the trampoline, one execve earlier.
     */
    BEFORE_TRAMPOLINE,
    /** The same, between a syscall's entry and exit stops (its execve of the trampoline among them). */
    BEFORE_TRAMPOLINE_IN_SYSCALL,
    /** Still the launch trampoline: everything before the target's execve is hidden, as strace hides its own fork. */
    HIDDEN,
    /** Hidden, and between a syscall's entry and exit stops (the trampoline's execve of the target). */
    HIDDEN_IN_SYSCALL,
    /** Running its program, outside any syscall. */
    RUNNING,
    /** In a syscall the filter leaves out: its exit is not reported. */
    IN_SYSCALL,
    /** In a syscall whose entry was handed on: its exit (or its end, if the task dies in it) is reported. */
    IN_TRACED_SYSCALL,
    /** In a group-stop, left there with PTRACE_LISTEN until a SIGCONT, as it would be untraced. */
    GROUP_STOPPED;

    /** Before the target's execve: nothing of it is reported. */
    boolean hidden() {
        return this == HIDDEN || this == HIDDEN_IN_SYSCALL || beforeTrampoline();
    }

    /** renacer -D's own process, before it became the trampoline: its threads are renacer's, not the command's. */
    boolean beforeTrampoline() {
        return this == BEFORE_TRAMPOLINE || this == BEFORE_TRAMPOLINE_IN_SYSCALL;
    }

    /** Between a syscall's entry stop and its exit stop. */
    boolean inSyscall() {
        return this == HIDDEN_IN_SYSCALL || this == IN_SYSCALL || this == IN_TRACED_SYSCALL
                || this == BEFORE_TRAMPOLINE_IN_SYSCALL;
    }

    /** In a syscall that the listener saw enter. */
    boolean traced() {
        return this == IN_TRACED_SYSCALL;
    }

    /** At a syscall-entry stop; {@code passesFilter} tells whether the call is one the user asked for. */
    TaskState entered(boolean passesFilter) {
        if (beforeTrampoline()) return BEFORE_TRAMPOLINE_IN_SYSCALL;
        if (hidden()) return HIDDEN_IN_SYSCALL;
        return passesFilter ? IN_TRACED_SYSCALL : IN_SYSCALL;
    }

    /** At a syscall-exit stop. */
    TaskState exited() {
        return switch (this) {
            case HIDDEN_IN_SYSCALL -> HIDDEN;
            case BEFORE_TRAMPOLINE_IN_SYSCALL -> BEFORE_TRAMPOLINE;
            case IN_SYSCALL, IN_TRACED_SYSCALL -> RUNNING;
            default -> this; // an exit whose entry was never seen
        };
    }

    /** At the exec event: a hidden task becomes the target; {@code passesFilter} is about the execve it is in. */
    TaskState execed(boolean passesFilter) {
        return switch (this) {
            case HIDDEN_IN_SYSCALL -> passesFilter ? IN_TRACED_SYSCALL : IN_SYSCALL;
            case HIDDEN -> RUNNING;
            case BEFORE_TRAMPOLINE_IN_SYSCALL, BEFORE_TRAMPOLINE -> HIDDEN_IN_SYSCALL; // now the trampoline, in its execve's exit
            default -> this;
        };
    }

    /** At a group-stop of a task that is not hidden. */
    TaskState groupStopped() {
        return GROUP_STOPPED;
    }

    /** When the tracer lets the task run again after a stop. */
    TaskState restarted() {
        return this == GROUP_STOPPED ? RUNNING : this;
    }
}
