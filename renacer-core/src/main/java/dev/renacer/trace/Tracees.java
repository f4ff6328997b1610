package dev.renacer.trace;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the handlers of the ptrace loop share: the traced tasks by tid, the traced processes by pid,
 * and the launched command. Tracer thread only, except {@link #rootPid()}.
 */
final class Tracees {
    private final TaskTable tasks = new TaskTable();
    private final Map<Integer, ProcessInfo> processes = new HashMap<>();
    private final TraceListener listener;
    /** Wall clock minus {@link System#nanoTime()}: stops are timed with the monotonic clock, shown with this. */
    final long epochOffsetNanos;

    /** The launched command's pid, 0 when the trace attached: read by {@link TraceLoop#wake} on another thread. */
    private volatile int rootPid;
    private List<String> rootCommand = List.of();
    /** The launched command's exit status as a shell reports it (code, or 128+signal). */
    int rootExitStatus;

    Tracees(TraceListener listener) {
        this.listener = listener;
        Instant now = Instant.now();
        this.epochOffsetNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    // ---------------------------------------------------------------- the launched command

    /** The launch trampoline, seized and stopped: hidden until it execs {@code command}. */
    void launched(int pid, List<String> command) {
        rootCommand = List.copyOf(command);
        rootPid = pid;
        add(new Task(pid, pid, TaskState.HIDDEN));
    }

    int rootPid() {
        return rootPid;
    }

    List<String> rootCommand() {
        return rootCommand;
    }

    // ---------------------------------------------------------------- tasks

    Task task(int tid) {
        return tasks.get(tid);
    }

    void add(Task task) {
        tasks.put(task.tid, task);
    }

    /** A non-leader thread exec'd: it now has the leader's tid, and the old leader is gone without a death report. */
    Task takeOver(int formerTid, Task leader) {
        Task execing = tasks.remove(formerTid);
        if (execing == null) return leader;
        execing.rebind(leader.tid);
        tasks.put(leader.tid, execing);
        return execing;
    }

    void remove(int tid) {
        tasks.remove(tid);
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    List<Task> snapshot() {
        return tasks.snapshot();
    }

    /** A tid seen for the first time: a child auto-attached under -f (it may report before its parent's event). */
    Task adopt(int tid) {
        int tgid = ProcFs.statusField(tid, "Tgid");
        if (tgid <= 0) tgid = tid;
        Task task = new Task(tid, tgid, TaskState.RUNNING);
        add(task);
        if (!processes.containsKey(tgid)) {
            int ppid = ProcFs.statusField(tgid, "PPid");
            start(new ProcessInfo(tgid, processes.containsKey(ppid) ? ppid : 0, ProcFs.executable(tgid),
                    ProcFs.cmdline(tgid), ProcFs.comm(tgid), epochNow(), false));
        }
        return task;
    }

    // ---------------------------------------------------------------- processes

    ProcessInfo process(int pid) {
        return processes.get(pid);
    }

    /** A process enters the trace. */
    void start(ProcessInfo info) {
        processes.put(info.pid(), info);
        listener.onProcessStart(info);
    }

    /** A process replaced its program; a process not seen before starts with it. */
    void exec(ProcessInfo info, boolean known) {
        processes.put(info.pid(), info);
        if (known) listener.onExec(info);
        else listener.onProcessStart(info);
    }

    void end(int pid) {
        processes.remove(pid);
    }

    long epochNow() {
        return System.nanoTime() + epochOffsetNanos;
    }
}
