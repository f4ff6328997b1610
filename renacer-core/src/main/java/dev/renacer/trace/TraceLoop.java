package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.LibC;
import dev.renacer.linux.ProcessVmReader;
import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallDecoder;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.renacer.linux.Ptrace.*;

/**
 * The ptrace loop. Lives on the tracer thread only: it spawns or attaches, then waits for stops with
 * waitpid(-1, __WALL) and turns each into events for the listener.
 *
 * <p>Per syscall it makes two stops, each one waitpid, one PTRACE_GET_SYSCALL_INFO (which says entry or
 * exit, so there is no entry/exit toggling to get wrong) and one PTRACE_SYSCALL, and allocates nothing.
 */
final class TraceLoop {
    private static final int SYSCALL_TRAP = SIGTRAP | 0x80;
    private static final int NR_EXECVE = 59;
    private static final int NR_EXECVEAT = 322;

    private final Tracer.Config config;
    private final Tracer tracer;
    private final TraceListener listener;
    private final SyscallDecoder decoder;
    private final TaskTable tasks = new TaskTable();
    private final Map<Integer, ProcessInfo> processes = new HashMap<>();
    private final Memory status = new Memory(4);
    private final Memory syscallInfo = new Memory(SYSCALL_INFO_SIZE);
    private final Memory siginfo = new Memory(SIGINFO_SIZE);
    private final Memory eventMessage = new Memory(8);
    // native addresses of the buffers above, passed as ptrace's data argument
    private final long syscallInfoAddress = Pointer.nativeValue(syscallInfo);
    private final long siginfoAddress = Pointer.nativeValue(siginfo);
    private final long eventMessageAddress = Pointer.nativeValue(eventMessage);
    private final byte[] siginfoBytes = new byte[SIGINFO_SIZE];
    private final StringBuilder siginfoText = new StringBuilder(128);
    private final long epochOffsetNanos;

    private volatile boolean launched;
    private volatile int rootPid;
    private List<String> rootCommand = List.of();
    private int rootExitStatus;
    private boolean finished;
    // exact counts for the benchmark gate's deterministic signal (TraceResult.Counters)
    private long stops, ptraceCalls, waitpidCalls, tracedSyscalls;

    TraceLoop(Tracer.Config config, Tracer tracer) {
        this.config = config;
        this.tracer = tracer;
        this.listener = config.listener();
        this.decoder = new SyscallDecoder(new ProcessVmReader(), config.stringLimit());
        Instant now = Instant.now();
        this.epochOffsetNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    // ---------------------------------------------------------------- starting

    TraceResult launch(List<String> command) throws TraceException {
        int pid = Spawner.spawnSeized(command, config.passDescriptors(), config.environmentOrder(), O_TRACESYSGOOD | O_TRACEEXEC | O_EXITKILL | followOptions());
        launched = true;
        rootPid = pid;
        rootCommand = List.copyOf(command);
        Task root = new Task(pid, pid);
        root.hidden = true;
        tasks.put(pid, root);
        LibC.kill(pid, SIGCONT);
        run();
        return new TraceResult(rootExitStatus, false, counters());
    }

    TraceResult attach(List<Integer> pids) throws TraceException {
        int options = O_TRACESYSGOOD | O_TRACEEXEC | followOptions();
        int attached = 0;
        for (int pid : pids) {
            List<Integer> tids = config.followForks() ? ProcFs.threads(pid) : List.of(pid);
            if (tids.isEmpty()) tids = List.of(pid);
            boolean any = false;
            for (int tid : tids) {
                if (tasks.get(tid) != null) continue;
                try {
                    CheckedLibC.INSTANCE.ptrace(PTRACE_SEIZE, tid, 0, options);
                    CheckedLibC.INSTANCE.ptrace(PTRACE_INTERRUPT, tid, 0, 0);
                    ptraceCalls += 2;
                } catch (LastErrorException e) {
                    if (tid == pid) {
                        config.diagnostics().println("renacer: attach: ptrace(PTRACE_SEIZE, " + pid + "): "
                                + CheckedLibC.INSTANCE.strerror(e.getErrorCode()));
                    }
                    continue;
                }
                int tgid = ProcFs.statusField(tid, "Tgid");
                tasks.put(tid, new Task(tid, tgid > 0 ? tgid : pid));
                any = true;
            }
            if (any) {
                attached++;
                config.diagnostics().println("renacer: Process " + pid + " attached");
                ProcessInfo info = new ProcessInfo(pid, 0, ProcFs.executable(pid), ProcFs.cmdline(pid), ProcFs.comm(pid),
                        epochNow(), true);
                processes.put(pid, info);
                listener.onProcessStart(info);
            }
        }
        if (attached == 0) {
            finish();
            throw new TraceException("no process could be attached");
        }
        run();
        return new TraceResult(0, tracer.detachRequested(), counters());
    }

    private int followOptions() {
        return config.followForks() ? O_TRACEFORK | O_TRACEVFORK | O_TRACECLONE : 0;
    }

    /** From another thread: make the blocked waitpid return so the loop sees the detach request. */
    void wake(int signal) {
        if (launched) {
            if (signal != 0) {
                LibC.kill(rootPid, SIGCONT);
                LibC.kill(rootPid, signal);
            }
            return;
        }
        Spawner.spawnWakeUpChild();
    }

    // ---------------------------------------------------------------- the loop

    private void run() {
        try {
            while (!tasks.isEmpty()) {
                if (!launched && tracer.detachRequested()) {
                    detachAll();
                    break;
                }
                int tid;
                try {
                    waitpidCalls++;
                    tid = LibC.waitpid(-1, status, WALL);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == 4) continue; // EINTR
                    break;                              // ECHILD: nothing left to wait for
                }
                handle(tid, status.getInt(0));
            }
        } finally {
            finish();
        }
    }

    private void handle(int tid, int st) {
        Task task = tasks.get(tid);
        if (stopped(st)) {
            stops++;
            if (task == null) task = adoptNewTask(tid);
            int sig = stopSignal(st);
            int event = event(st);
            if (sig == SYSCALL_TRAP) {
                onSyscallStop(task);
                restart(task, 0);
            } else if (event != 0) {
                onEventStop(task, event, sig);
            } else {
                onSignalStop(task, sig);
            }
        } else if (task != null && (exited(st) || signaled(st))) {
            onDeath(task, st);
        }
        // anything else is a child of ours that is not traced (the wake-up child): reaped, ignored
    }

    private void restart(Task task, int signal) {
        ptraceCalls++;
        LibC.ptrace(PTRACE_SYSCALL, task.tid, 0, signal);
    }

    // ---------------------------------------------------------------- syscall stops

    private void onSyscallStop(Task task) {
        ptraceCalls++;
        if (LibC.ptrace(PTRACE_GET_SYSCALL_INFO, task.tid, SYSCALL_INFO_SIZE, syscallInfoAddress) <= 0) return;
        int op = syscallInfo.getByte(SYSCALL_INFO_OFF_OP);
        SyscallEvent e = task.event;
        if (op == SYSCALL_INFO_ENTRY) {
            long now = System.nanoTime();
            e.number = (int) syscallInfo.getLong(SYSCALL_INFO_OFF_NR);
            for (int i = 0; i < 6; i++) e.args[i] = syscallInfo.getLong(SYSCALL_INFO_OFF_ARGS + 8L * i);
            e.entryNanos = now;
            e.entryEpochNanos = now + epochOffsetNanos;
            e.returned = false;
            task.inSyscall = true;
            boolean isExec = e.number == NR_EXECVE || e.number == NR_EXECVEAT;
            task.traced = !task.hidden && config.filter().traces(e.number);
            e.arguments.setLength(0);
            if ((task.traced && config.decode()) || (task.hidden && isExec)) {
                decoder.stackPointer(syscallInfo.getLong(SYSCALL_INFO_OFF_SP));
                e.argumentsDecodedAtEntry = decoder.decodeEntry(task.tid, e.number, e.args, e.arguments);
            }
            if (task.traced) listener.onSyscallEntry(e);
        } else if (op == SYSCALL_INFO_EXIT) {
            if (!task.inSyscall) return; // attached in the middle of a call: its entry was never seen
            task.inSyscall = false;
            long rval = syscallInfo.getLong(SYSCALL_INFO_OFF_RVAL);
            if (task.hidden) {
                if ((e.number == NR_EXECVE || e.number == NR_EXECVEAT) && rval < 0 && rval >= -4095) {
                    task.failedExecErrno = (int) -rval;
                }
                return;
            }
            if (!task.traced) return;
            e.exitNanos = System.nanoTime();
            e.returnValue = rval;
            e.returned = true;
            e.result.setLength(0);
            if (config.decode()) {
                decoder.decodeExit(task.tid, e.number, e.args, e.argumentsDecodedAtEntry, rval, e.arguments);
                decoder.decodeResult(e.number, rval, e.result);
            }
            listener.onSyscall(e);
            tracedSyscalls++;
        }
    }

    // ---------------------------------------------------------------- event stops

    private void onEventStop(Task task, int event, int sig) {
        switch (event) {
            case EVENT_FORK, EVENT_VFORK, EVENT_CLONE -> {
                int child = (int) eventMessage(task.tid);
                if (child > 0 && tasks.get(child) == null) adoptNewTask(child);
                restart(task, 0);
            }
            case EVENT_EXEC -> {
                onExec(task);
                restart(task, 0);
            }
            case EVENT_STOP -> {
                if (isStopSignal(sig) && !task.hidden && !task.detaching) {
                    // group-stop: stay stopped, as untraced, until SIGCONT; LISTEN lets us see that SIGCONT
                    task.groupStopped = true;
                    listener.onGroupStop(task.tid, task.pid, sig);
                    LibC.ptrace(PTRACE_LISTEN, task.tid, 0, 0);
                    ptraceCalls++;
                } else {
                    task.groupStopped = false;
                    restart(task, 0);
                }
            }
            default -> restart(task, 0);
        }
    }

    private void onExec(Task task) {
        int formerTid = (int) eventMessage(task.tid);
        if (formerTid > 0 && formerTid != task.tid) {
            // A non-leader thread exec'd: it now has the leader's tid, and the old leader is gone
            // without a death report (ptrace(2), "execve(2) under ptrace").
            Task execing = tasks.remove(formerTid);
            if (execing != null) {
                execing.rebind(task.tid);
                tasks.put(task.tid, execing);
                task = execing;
            }
        }
        int pid = task.pid;
        boolean wasHidden = task.hidden;
        List<String> argv;
        if (task.hidden) {
            task.hidden = false;
            argv = rootCommand;
        } else {
            argv = ProcFs.cmdline(pid);
        }
        ProcessInfo previous = processes.get(pid);
        ProcessInfo info = new ProcessInfo(pid, previous == null ? 0 : previous.parentPid(), ProcFs.executable(pid),
                argv, ProcFs.comm(pid), previous == null ? epochNow() : previous.startEpochNanos(),
                previous != null && previous.attached());
        processes.put(pid, info);
        if (previous == null) listener.onProcessStart(info);
        else listener.onExec(info);
        // The execve's entry was decoded while the trampoline was hidden: announce it now.
        if (wasHidden && task.inSyscall) {
            task.traced = config.filter().traces(task.event.number);
            if (task.traced) listener.onSyscallEntry(task.event);
        }
    }

    /** A tid seen for the first time: a child auto-attached under -f (it may report before its parent's event). */
    private Task adoptNewTask(int tid) {
        int tgid = ProcFs.statusField(tid, "Tgid");
        if (tgid <= 0) tgid = tid;
        Task task = new Task(tid, tgid);
        tasks.put(tid, task);
        if (!processes.containsKey(tgid)) {
            int ppid = ProcFs.statusField(tgid, "PPid");
            ProcessInfo info = new ProcessInfo(tgid, processes.containsKey(ppid) ? ppid : 0, ProcFs.executable(tgid),
                    ProcFs.cmdline(tgid), ProcFs.comm(tgid), epochNow(), false);
            processes.put(tgid, info);
            listener.onProcessStart(info);
        }
        return task;
    }

    private long eventMessage(int tid) {
        eventMessage.setLong(0, 0);
        ptraceCalls++;
        LibC.ptrace(PTRACE_GETEVENTMSG, tid, 0, eventMessageAddress);
        return eventMessage.getLong(0);
    }

    // ---------------------------------------------------------------- signals and deaths

    private void onSignalStop(Task task, int sig) {
        if (!task.hidden) {
            siginfoText.setLength(0);
            ptraceCalls++;
            if (LibC.ptrace(PTRACE_GETSIGINFO, task.tid, 0, siginfoAddress) == 0) {
                siginfo.read(0, siginfoBytes, 0, SIGINFO_SIZE);
                Signals.formatSiginfo(siginfoBytes, siginfoText);
            }
            listener.onSignal(task.tid, task.pid, sig, siginfoText);
        }
        restart(task, sig); // deliver it, exactly as it would have been delivered untraced
    }

    private void onDeath(Task task, int st) {
        tasks.remove(task.tid);
        SyscallEvent e = task.event;
        if (task.inSyscall && task.traced && !task.hidden) {
            e.returned = false;
            e.exitNanos = System.nanoTime();
            e.result.setLength(0);
            e.result.append('?');
            listener.onSyscall(e);
            tracedSyscalls++;
        }
        if (task.hidden) {
            if (task.tid == rootPid) {
                String reason = task.failedExecErrno != 0 ? CheckedLibC.INSTANCE.strerror(task.failedExecErrno) : "it ended before its execve";
                config.diagnostics().println("renacer: exec: " + rootCommand.get(0) + ": " + reason);
                rootExitStatus = 1;
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
        if (task.tid == rootPid) rootExitStatus = byExit ? code : 128 + signal;
        processes.remove(task.pid);
        listener.onProcessExit(task.pid, code, signal, !byExit && coreDumped(st));
    }

    // ---------------------------------------------------------------- detaching

    /** Lets go of every tracee, leaving it running (or stopped, if it was in a group-stop). */
    private void detachAll() {
        List<Task> all = tasks.snapshot();
        for (Task t : all) {
            t.detaching = true;
            LibC.ptrace(PTRACE_INTERRUPT, t.tid, 0, 0);
            ptraceCalls++;
        }
        while (!tasks.isEmpty()) {
            int tid;
            try {
                waitpidCalls++;
                tid = LibC.waitpid(-1, status, WALL);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == 4) continue;
                break;
            }
            int st = status.getInt(0);
            Task task = tasks.get(tid);
            if (task == null) continue;
            if (!stopped(st)) {
                onDeath(task, st);
                continue;
            }
            int sig = stopSignal(st);
            boolean signalDelivery = event(st) == 0 && sig != SYSCALL_TRAP;
            LibC.ptrace(PTRACE_DETACH, tid, 0, signalDelivery ? sig : 0);
            ptraceCalls++;
            tasks.remove(tid);
            if (tid == task.pid) {
                config.diagnostics().println("renacer: Process " + tid + " detached");
                listener.onDetach(tid);
            }
        }
    }

    private void finish() {
        if (finished) return;
        finished = true;
        listener.onFinish();
    }

    private TraceResult.Counters counters() {
        return new TraceResult.Counters(stops, ptraceCalls, waitpidCalls, tracedSyscalls);
    }

    private long epochNow() {
        return System.nanoTime() + epochOffsetNanos;
    }
}
