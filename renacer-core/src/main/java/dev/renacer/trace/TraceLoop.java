package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.LibC;
import dev.renacer.syscall.Signals;

import java.util.List;

import static dev.renacer.linux.Ptrace.*;

/**
 * The ptrace loop. Lives on the tracer thread only: {@link #launch} or {@link #attach} seizes the first
 * tasks, then {@link #run} waits for stops with waitpid(-1, __WALL), in rounds that serve every task with a
 * stop pending before the next wait ({@link Waiter#nextOfAny}), and hands each to its handler
 * ({@link SyscallStops}, {@link EventStops}, signal-delivery-stops here, {@link Deaths}) until no task is
 * left, or to the {@link Detacher} once a detach was asked for. A task's state moves by {@link TaskState}.
 *
 * <p>Per syscall it makes two stops, each one waitpid, one PTRACE_GET_SYSCALL_INFO and one PTRACE_SYSCALL,
 * and allocates nothing.
 */
final class TraceLoop {
    private final Tracer.Config config;
    private final Tracer tracer;
    private final TraceListener listener;
    private final Tracees tracees;
    private final SyscallStops syscallStops;
    private final EventStops eventStops;
    private final Deaths deaths;
    private final Detacher detacher;
    private final Waiter waiter;
    private final Delays delays = new Delays();
    private final Memory siginfo = new Memory(SIGINFO_SIZE);
    private final long siginfoAddress = Pointer.nativeValue(siginfo); // ptrace's data argument
    private final byte[] siginfoBytes = new byte[SIGINFO_SIZE];
    private final StringBuilder siginfoText = new StringBuilder(128);
    private boolean finished;

    TraceLoop(Tracer.Config config, Tracer tracer) {
        this.config = config;
        this.tracer = tracer;
        this.listener = config.listener();
        this.waiter = new Waiter(config.systemTime(), config.pollNanos());
        this.tracees = new Tracees(listener, config.followForks() && !config.quietAttach() ? config.diagnostics() : null);
        this.syscallStops = new SyscallStops(config, tracees.epochOffsetNanos, tracees.work);
        this.deaths = new Deaths(tracees, listener, config.diagnostics());
        this.eventStops = new EventStops(tracees, deaths, config.filter(), listener, config.launch().detachOnExec(),
                config.quietAttach() ? null : config.diagnostics());
        this.detacher = new Detacher(tracees, deaths, listener, config.quietAttach() ? null : config.diagnostics());
    }

    // ---------------------------------------------------------------- starting

    /** Spawns {@code command} behind the trampoline, seized, and lets it run towards its execve. */
    void launch(Argv command) throws TraceException {
        String seccomp = config.seccompProgram();
        int pid = Spawner.spawnSeized(command, config.launch(), seccomp,
                O_TRACESYSGOOD | O_TRACEEXEC | O_EXITKILL | followOptions() | (seccomp != null ? O_TRACESECCOMP : 0));
        tracees.launched(pid, command.text());
        LibC.kill(pid, SIGCONT);
    }

    /** Seizes and interrupts the processes (each thread of them under -f); fails when none could be. */
    void attach(List<Integer> pids) throws TraceException {
        int options = O_TRACESYSGOOD | O_TRACEEXEC | followOptions();
        int attached = 0;
        for (int pid : pids) {
            List<Integer> tids = config.followForks() ? ProcFs.threads(pid) : List.of(pid);
            if (tids.isEmpty()) tids = List.of(pid);
            int seized = 0;
            for (int tid : tids) {
                if (tracees.task(tid) != null) continue;
                try {
                    tracees.work.ptraceCalls += 2;
                    CheckedLibC.ptrace(PTRACE_SEIZE, tid, 0, options);
                    CheckedLibC.ptrace(PTRACE_INTERRUPT, tid, 0, 0);
                } catch (LastErrorException e) {
                    if (tid == pid) {
                        config.diagnostics().println("renacer: attach: ptrace(PTRACE_SEIZE, " + pid + "): "
                                + CheckedLibC.strerror(e.getErrorCode()));
                    }
                    continue;
                }
                int tgid = ProcFs.statusField(tid, "Tgid");
                tracees.add(new Task(tid, tgid > 0 ? tgid : pid, TaskState.RUNNING, tracees.work));
                seized++;
            }
            if (seized > 0) {
                attached++;
                if (!config.quietAttach()) {
                    config.diagnostics().println("renacer: Process " + pid + " attached" + (seized > 1 ? " with " + seized + " threads" : ""));
                }
                tracees.start(new ProcessInfo(pid, 0, ProcFs.executable(pid), ProcFs.cmdline(pid), ProcFs.comm(pid),
                        tracees.epochNow(), true));
            }
        }
        if (attached == 0) {
            finish();
            throw new TraceException("no process could be attached");
        }
    }

    /**
     * renacer -D, in the tracer: seizes every thread of the renacer process {@code pid} (hidden until its command's
     * execve, two execs away), then kills {@code intermediate}, the trampoline renacer waits on, to tell it to go on.
     * If {@code pid} cannot be seized, {@code intermediate} is killed with SIGTERM instead and this fails.
     */
    void adoptDaemonized(int pid, int intermediate, Argv command) throws TraceException {
        int options = O_TRACESYSGOOD | O_TRACEEXEC | followOptions();
        tracees.daemonized(pid, command.text());
        boolean more = true;
        while (more) { // threads started while the others were seized are seized on the next round
            more = false;
            List<Integer> tids = ProcFs.threads(pid);
            if (tids.isEmpty()) tids = List.of(pid);
            for (int tid : tids) {
                if (tracees.task(tid) != null) continue;
                try {
                    tracees.work.ptraceCalls += 2;
                    CheckedLibC.ptrace(PTRACE_SEIZE, tid, 0, options);
                    CheckedLibC.ptrace(PTRACE_INTERRUPT, tid, 0, 0);
                } catch (LastErrorException e) {
                    if (tid != pid) continue; // a thread that ended meanwhile
                    LibC.kill(intermediate, SIGTERM);
                    finish();
                    throw new TraceException("attach: ptrace(PTRACE_SEIZE, " + pid + "): "
                            + CheckedLibC.strerror(e.getErrorCode()));
                }
                tracees.add(new Task(tid, pid, TaskState.BEFORE_TRAMPOLINE, tracees.work));
                more = true;
            }
        }
        if (!config.quietAttach()) config.diagnostics().println("renacer: Process " + pid + " attached");
        LibC.kill(intermediate, SIGKILL);
    }

    private int followOptions() {
        return config.followForks() ? O_TRACEFORK | O_TRACEVFORK | O_TRACECLONE : 0;
    }

    /**
     * From another thread: make the blocked waitpid return so the loop sees the detach request. A child
     * that exits at once does it; the tracer thread itself then signals the launched command, which it
     * can do safely: while the command is traced it is renacer's unreaped child, so its pid cannot be
     * another process's yet.
     */
    void wake() {
        Spawner.spawnWakeUpChild();
    }

    // ---------------------------------------------------------------- the loop

    /** Traces until every task is gone (or let go); the listener's onFinish has run when it returns. */
    TraceResult run() {
        try {
            while (!tracees.isEmpty()) {
                if (!detacher.started() && tracer.interruptSignal() != 0) {
                    delays.releaseAll();
                    interrupt(tracer.interruptSignal());
                }
                int tid;
                tracees.work.waitpidCalls++;
                if (delays.holding()) { // -e inject=...:delay_*: look for stops without blocking while a task is held
                    delays.releaseDue();
                    tid = waiter.nextOfAny(WALL | WNOHANG, tracees.several());
                    if (tid == Waiter.INTERRUPTED) delays.pause();
                } else {
                    tid = waiter.nextOfAny(WALL, tracees.several());
                }
                if (tid == Waiter.INTERRUPTED) continue;
                if (tid == Waiter.NO_CHILD) break;
                if (detacher.started()) detacher.onReport(tid, waiter.status());
                else handle(tid, waiter.status());
            }
        } finally {
            finish();
        }
        int interrupt = Math.max(tracer.interruptSignal(), 0);
        return new TraceResult(tracees.rootExitStatus, detacher.started(), tracees.rootTermSignal, interrupt,
                tracees.work.snapshot());
    }

    /** strace's cleanup(): the launched command, if still traced, gets SIGCONT and the signal; every task is let go. */
    private void interrupt(int signal) {
        Task root = tracees.task(tracees.rootPid());
        if (root != null && signal > 0) {
            LibC.kill(root.tid, SIGCONT);
            LibC.kill(root.tid, signal);
        }
        detacher.start();
    }

    private void handle(int tid, int st) {
        Task task = tracees.task(tid);
        if (stopped(st)) {
            tracees.work.stops++;
            if (task == null) task = tracees.adopt(tid);
            int sig = stopSignal(st);
            int event = event(st);
            if (sig == SYSCALL_STOP_SIGNAL || event == EVENT_SECCOMP) {
                int signal = syscallStops.onStop(task, waiter.systemNanos());
                if (task.holdNanos >= 0) {
                    delays.hold(task, task.holdNanos, signal);
                    task.holdNanos = -1;
                } else {
                    task.restart(signal);
                }
                waiter.restarted(task.state.inSyscall() ? task.event.number : -1);
                syscallStops.announce(); // the line is made while the task runs on
            } else if (event != 0) {
                eventStops.onStop(task, event, sig);
            } else {
                onSignalStop(task, sig);
            }
        } else if (task != null && (exited(st) || signaled(st))) {
            delays.forget(task);
            deaths.onDeath(task, st);
        }
        // anything else is a child of ours that is not traced (the wake-up child): reaped, ignored
    }

    private void onSignalStop(Task task, int sig) {
        if (!task.state.hidden()) {
            siginfoText.setLength(0);
            if (tracees.work.ptrace(PTRACE_GETSIGINFO, task.tid, 0, siginfoAddress) == 0) {
                siginfo.read(0, siginfoBytes, 0, SIGINFO_SIZE);
                Signals.formatSiginfo(siginfoBytes, siginfoText);
            }
            listener.onSignal(task.tid, task.pid, sig, siginfoText);
        }
        task.restart(sig); // deliver it, exactly as it would have been delivered untraced
    }

    private void finish() {
        if (finished) return;
        finished = true;
        listener.onFinish();
    }
}
