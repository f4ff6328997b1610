package dev.renacer.trace;

import org.agrona.collections.Int2ObjectHashMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the handlers of the ptrace loop share: the traced tasks by tid, the traced processes by pid,
 * and the launched command. Tracer thread only, except {@link #rootPid()}.
 *
 * <p>The maps are Agrona's: a task is looked up at every stop, and a {@code HashMap<Integer, ...>}
 * would box every tid above 127, i.e. every real one. Nothing is replaced without saying so: adding
 * a tid or pid that is already there is a bug, and fails.
 */
final class Tracees {
    private final Int2ObjectHashMap<Task> tasks = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<ProcessInfo> processes = new Int2ObjectHashMap<>();
    private final TraceListener listener;
    /** Where strace's "Process N attached" goes for a task auto-attached under -f; null when quiet. */
    private final java.io.PrintStream attachNotices;
    /** What the loop did, counted (every handler's ptrace calls go through it). */
    final WorkCounts work = new WorkCounts();
    /** Wall clock minus {@link System#nanoTime()}: stops are timed with the monotonic clock, shown with this. */
    final long epochOffsetNanos;

    /** The launched command's pid, 0 when the trace attached: read by {@link TraceLoop#wake} on another thread. */
    private volatile int rootPid;
    private List<String> rootCommand = List.of();
    /** The launched command's exit status as a shell reports it (code, or 128+signal). */
    int rootExitStatus;
    /** The signal that killed the launched command, 0 if it exited. */
    int rootTermSignal;

    Tracees(TraceListener listener) {
        this(listener, null);
    }

    Tracees(TraceListener listener, java.io.PrintStream attachNotices) {
        this.listener = listener;
        this.attachNotices = attachNotices;
        Instant now = Instant.now();
        this.epochOffsetNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    // ---------------------------------------------------------------- the launched command

    /** The launch trampoline, seized and stopped: hidden until it execs {@code command}. */
    void launched(int pid, List<String> command) {
        rootCommand = List.copyOf(command);
        rootPid = pid;
        add(new Task(pid, pid, TaskState.HIDDEN, work));
    }

    /**
     * renacer -D: the renacer process {@code pid}, which will exec the trampoline and then {@code command}; its
     * threads are added by the caller as they are seized. Hidden until the command's execve, as a launch is.
     */
    void daemonized(int pid, List<String> command) {
        rootCommand = List.copyOf(command);
        rootPid = pid;
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
        Task already = tasks.putIfAbsent(task.tid, task);
        if (already != null) throw new IllegalStateException("task " + task.tid + " is traced already");
    }

    /** A non-leader thread exec'd: it now has the leader's tid, and the old leader is gone without a death report. */
    Task takeOver(int formerTid, Task leader) {
        Task execing = tasks.remove(formerTid);
        if (execing == null) return leader;
        execing.rebind(leader.tid);
        if (tasks.replace(leader.tid, execing) != leader) throw new IllegalStateException("task " + leader.tid + " is not traced");
        return execing;
    }

    void remove(int tid) {
        tasks.remove(tid);
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** More than one task is traced: stops of several may be pending at once. */
    boolean several() {
        return tasks.size() > 1;
    }

    List<Task> snapshot() {
        return new ArrayList<>(tasks.values());
    }

    /** A tid seen for the first time: a child auto-attached under -f (it may report before its parent's event). */
    Task adopt(int tid) {
        int tgid = ProcFs.statusField(tid, "Tgid");
        if (tgid <= 0) tgid = tid;
        Task leader = tasks.get(tgid);
        if (leader != null && leader.state.beforeTrampoline()) {
            // a thread renacer -D's own JVM started while it waited to become the command: not the command's
            Task thread = new Task(tid, tgid, TaskState.BEFORE_TRAMPOLINE, work);
            add(thread);
            return thread;
        }
        Task task = new Task(tid, tgid, TaskState.RUNNING, work);
        add(task);
        if (attachNotices != null) attachNotices.println("renacer: Process " + tid + " attached");
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
        ProcessInfo already = processes.putIfAbsent(info.pid(), info);
        if (already != null) throw new IllegalStateException("process " + info.pid() + " is traced already");
        listener.onProcessStart(info);
    }

    /** A process replaced its program (its info is replaced); a process not seen before starts with it. */
    void exec(ProcessInfo info) {
        if (processes.put(info.pid(), info) != null) listener.onExec(info);
        else listener.onProcessStart(info);
    }

    void end(int pid) {
        processes.remove(pid);
    }

    long epochNow() {
        return System.nanoTime() + epochOffsetNanos;
    }
}
