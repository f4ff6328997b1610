package dev.renacer.trace;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.renacer.filter.TraceFilter;

import java.util.List;

import static dev.renacer.linux.Ptrace.*;

/**
 * ptrace event stops ({@code status >> 16}): a new task under -f (fork, vfork, clone), an execve that
 * succeeded, and PTRACE_EVENT_STOP, which is a group-stop when its signal is a stop signal.
 */
final class EventStops {
    private final Tracees tracees;
    private final Deaths deaths;
    private final TraceFilter filter;
    private final TraceListener listener;
    /** -b execve: let go of a task at its execve (the launched command's first one excepted, as in strace). */
    private final boolean detachOnExec;
    /** Where "Process N detached" goes; null under -q. */
    private final java.io.PrintStream detachNotices;
    private final Memory eventMessage = new Memory(8);
    private final long eventMessageAddress = Pointer.nativeValue(eventMessage); // ptrace's data argument

    EventStops(Tracees tracees, Deaths deaths, TraceFilter filter, TraceListener listener) {
        this(tracees, deaths, filter, listener, false, null);
    }

    EventStops(Tracees tracees, Deaths deaths, TraceFilter filter, TraceListener listener, boolean detachOnExec,
               java.io.PrintStream detachNotices) {
        this.tracees = tracees;
        this.deaths = deaths;
        this.filter = filter;
        this.listener = listener;
        this.detachOnExec = detachOnExec;
        this.detachNotices = detachNotices;
    }

    void onStop(Task task, int event, int sig) {
        switch (event) {
            case EVENT_FORK, EVENT_VFORK, EVENT_CLONE -> {
                int child = (int) eventMessage(task.tid);
                Task adopted = child > 0 ? tracees.task(child) : null;
                if (child > 0 && adopted == null) adopted = tracees.adopt(child);
                if (adopted != null && task.seccompFiltered) adopted.seccompFiltered = true; // seccomp filters are inherited
                task.restart(0);
            }
            case EVENT_EXEC -> {
                boolean first = task.state.hidden(); // the launched command's own execve, after the trampoline
                Task execed = onExec(task);
                if (detachOnExec && !first) detach(execed);
                else execed.restart(0);
            }
            case EVENT_STOP -> {
                if (isStopSignal(sig) && !task.state.hidden()) {
                    // group-stop: stay stopped, as untraced, until SIGCONT
                    listener.onGroupStop(task.tid, task.pid, sig);
                    task.listen();
                } else {
                    task.restart(0);
                }
            }
            default -> task.restart(0);
        }
    }

    /** @return the task that exec'd, which is another object than {@code task} when a non-leader thread did */
    private Task onExec(Task task) {
        int formerTid = (int) eventMessage(task.tid);
        if (formerTid > 0 && formerTid != task.tid && tracees.task(formerTid) != null) {
            // a non-leader thread exec'd: the leader is gone, its call unfinished, as strace reports it (not while
            // hidden: under renacer -D a thread of renacer's own JVM execs the trampoline)
            if (!task.state.hidden()) {
                deaths.endCallUnreturned(task);
                listener.onSuperseded(task.tid, formerTid);
            }
            task = tracees.takeOver(formerTid, task);
        }
        int pid = task.pid;
        TaskState before = task.state;
        task.state = before.execed(filter.traces(task.event.number) && task.execMatchesPaths);
        if (task.state.hidden()) return task; // renacer -D's own process became the trampoline: nothing of the command yet
        List<String> argv = before.hidden() ? tracees.rootCommand() : ProcFs.cmdline(pid);
        ProcessInfo previous = tracees.process(pid);
        tracees.exec(new ProcessInfo(pid, previous == null ? 0 : previous.parentPid(), ProcFs.executable(pid),
                argv, ProcFs.comm(pid), previous == null ? tracees.epochNow() : previous.startEpochNanos(),
                previous != null && previous.attached()));
        // The execve's entry was decoded while the trampoline was hidden: announce it now.
        if (before == TaskState.HIDDEN_IN_SYSCALL && task.state.traced()) listener.onSyscallEntry(task.event);
        return task;
    }

    /** -b execve: the task goes on untraced from its exec; its open line ends with {@code <detached ...>}. */
    private void detach(Task task) {
        tracees.work.ptrace(PTRACE_DETACH, task.tid, 0, 0);
        tracees.remove(task.tid);
        tracees.end(task.pid);
        if (detachNotices != null) detachNotices.println("renacer: Process " + task.pid + " detached");
        listener.onDetach(task.pid);
    }

    private long eventMessage(int tid) {
        eventMessage.setLong(0, 0);
        tracees.work.ptrace(PTRACE_GETEVENTMSG, tid, 0, eventMessageAddress);
        return eventMessage.getLong(0);
    }
}
