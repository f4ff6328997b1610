package dev.renacer.trace;

import org.junit.jupiter.api.Test;

import static dev.renacer.trace.TaskState.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The tracee state machine: what each stop makes of a task, and what is then reported of it. */
class TaskStateTest {

    @Test
    void theTrampolineStaysHiddenUntilItsExecveSucceeds() {
        TaskState inExecve = HIDDEN.entered(true);
        assertThat(inExecve).isEqualTo(HIDDEN_IN_SYSCALL);
        assertThat(inExecve.traced()).as("a hidden call is never handed on, whatever the filter").isFalse();
        // a failed execve returns: still the trampoline
        assertThat(inExecve.exited()).isEqualTo(HIDDEN);
        // the exec event: the execve the task is in becomes the first traced call, if the filter wants it
        assertThat(inExecve.execed(true)).isEqualTo(IN_TRACED_SYSCALL);
        assertThat(inExecve.execed(false)).isEqualTo(IN_SYSCALL);
        assertThat(inExecve.execed(true).exited()).isEqualTo(RUNNING);
    }

    @Test
    void renacerDashDsOwnProcessIsHiddenThroughTwoExecs() {
        // renacer -D: the renacer process the tracer adopted, then the trampoline it execs, then the command
        TaskState inExecve = BEFORE_TRAMPOLINE.entered(true);
        assertThat(inExecve).isEqualTo(BEFORE_TRAMPOLINE_IN_SYSCALL);
        assertThat(inExecve.hidden()).isTrue();
        assertThat(inExecve.traced()).isFalse();
        assertThat(inExecve.exited()).isEqualTo(BEFORE_TRAMPOLINE);
        TaskState trampoline = inExecve.execed(true);
        assertThat(trampoline).as("still hidden: the trampoline").isEqualTo(HIDDEN_IN_SYSCALL);
        assertThat(trampoline.exited().entered(true).execed(true)).as("the command's execve").isEqualTo(IN_TRACED_SYSCALL);
    }

    @Test
    void aVisibleTaskReportsOnlyTheCallsThatPassTheFilter() {
        assertThat(RUNNING.entered(true).traced()).isTrue();
        assertThat(RUNNING.entered(false).traced()).isFalse();
        assertThat(RUNNING.entered(false).inSyscall()).isTrue();
        assertThat(RUNNING.entered(true).exited()).isEqualTo(RUNNING);
        // an exec in a visible task (the program execs again) changes nothing of its state
        assertThat(IN_TRACED_SYSCALL.execed(false)).isEqualTo(IN_TRACED_SYSCALL);
    }

    @Test
    void anExitWithoutItsEntryChangesNothing() {
        // a task attached in the middle of a call reports that call's exit first
        assertThat(RUNNING.exited()).isEqualTo(RUNNING);
        assertThat(HIDDEN.exited()).isEqualTo(HIDDEN);
    }

    @Test
    void aGroupStopLastsUntilTheTaskIsRestarted() {
        TaskState stopped = RUNNING.groupStopped();
        assertThat(stopped).isEqualTo(GROUP_STOPPED);
        assertThat(stopped.inSyscall()).isFalse();
        assertThat(stopped.hidden()).isFalse();
        assertThat(stopped.restarted()).isEqualTo(RUNNING);
        // restarting a task at a syscall stop keeps where it is in the call
        assertThat(IN_TRACED_SYSCALL.restarted()).isEqualTo(IN_TRACED_SYSCALL);
        assertThat(HIDDEN_IN_SYSCALL.restarted()).isEqualTo(HIDDEN_IN_SYSCALL);
    }
}
