package dev.renacer.trace.ebpf;

import dev.renacer.syscall.Signals;
import dev.renacer.syscall.decode.SyscallDecoder;
import dev.renacer.trace.ProcFs;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns ring buffer records into the listener calls the ptrace backend makes, in the same order and
 * with the same reused {@link SyscallEvent} per task: entry records decode the arguments known at entry,
 * exit records the rest and the result, both through {@link CapturedMemory}; fork, exec and exit records
 * keep the task table and announce processes. Runs on the consumer thread only; the steady path (entry
 * and exit records) allocates nothing.
 */
final class RecordDispatcher implements RingReader.RecordHandler {
    private static final int NR_EXECVE = 59, NR_EXECVEAT = 322;

    private final TraceListener listener;
    private final boolean decode;
    private final SyscallDecoder decoder;
    private final CapturedMemory memory = new CapturedMemory();
    private final ExecArguments execArguments = new ExecArguments(memory);
    private final long epochOffsetNanos;
    private final Int2ObjectHashMap<EbpfTask> tasks = new Int2ObjectHashMap<>();
    /** Followed tasks per process, so that a process ends with the last of them. */
    private final Int2IntHashMap tasksPerProcess = new Int2IntHashMap(0);
    /** A process whose leader ended before its other threads: the leader's wait status, reported with the last. */
    private final Int2IntHashMap leaderStatus = new Int2IntHashMap(-1);
    private final Map<Integer, ProcessInfo> processes = new HashMap<>();
    private final byte[] siginfo = new byte[Records.SIGINFO_SIZE];
    private final StringBuilder siginfoText = new StringBuilder(128);

    private int rootPid;
    private int lastExitPid;
    private int lastExitStatus;
    private List<String> rootCommand = List.of();
    private int rootStatus = -1;
    private int failedExecErrno;
    private boolean rootNeverRan;

    RecordDispatcher(TraceListener listener, boolean decode, int stringLimit, long epochOffsetNanos) {
        this.listener = listener;
        this.decode = decode;
        this.decoder = new SyscallDecoder(memory, stringLimit);
        this.epochOffsetNanos = epochOffsetNanos;
    }

    /** The launched command: followed from the start, hidden until its execve. */
    void launched(int pid, List<String> command) {
        rootPid = pid;
        rootCommand = List.copyOf(command);
        EbpfTask root = add(pid, pid);
        root.hidden = true;
    }

    /** A task of an attached process; {@code announce} for the first task of a process. */
    void attached(int tid, int pid, boolean announce) {
        add(tid, pid);
        if (announce) {
            ProcessInfo info = new ProcessInfo(pid, 0, ProcFs.executable(pid), ProcFs.cmdline(pid), ProcFs.comm(pid),
                    epochNow(), true);
            processes.put(pid, info);
            listener.onProcessStart(info);
        }
    }

    boolean done() {
        return tasks.isEmpty();
    }

    List<Integer> attachedPids() {
        List<Integer> pids = new ArrayList<>();
        for (ProcessInfo p : processes.values()) if (p.attached()) pids.add(p.pid());
        return pids;
    }

    /** The launched command's wait status as a shell reports it, -1 before it ended; 1 when it never ran. */
    int rootExitStatus() {
        return rootNeverRan ? 1 : rootStatus;
    }

    /** The errno of the trampoline's failed execve, 0 if none. */
    int failedExecErrno() {
        return failedExecErrno;
    }

    boolean rootNeverRan() {
        return rootNeverRan;
    }

    /** Tids followed now (for the liveness check after losses). */
    int[] liveTids() {
        int[] tids = new int[tasks.size()];
        int i = 0;
        for (Int2ObjectHashMap<EbpfTask>.KeyIterator it = tasks.keySet().iterator(); it.hasNext(); ) tids[i++] = it.nextInt();
        return tids;
    }

    /** A task that vanished without its exit record (lost to a full ring buffer): it ends now, status unknown. */
    void vanished(int tid) {
        EbpfTask task = tasks.get(tid);
        if (task != null) taskEnded(task, 0, true);
    }

    @Override
    public void onRecord(ByteBuffer ring, int offset, int length) {
        int type = ring.getShort(offset + Records.TYPE) & 0xffff;
        int flags = ring.getShort(offset + Records.FLAGS) & 0xffff;
        int tid = ring.getInt(offset + Records.TID);
        int pid = ring.getInt(offset + Records.PID);
        switch (type) {
            case Records.ENTER -> onEnter(ring, offset, length, flags, tid, pid);
            case Records.EXIT -> onExit(ring, offset, length, flags, tid, pid);
            case Records.FORK -> onFork(tid, pid, (int) ring.getLong(offset + Records.VAL), (int) ring.getLong(offset + Records.NR));
            case Records.EXEC -> {
                onExecRecord(tid, pid, (int) ring.getLong(offset + Records.VAL));
                EbpfTask task = tasks.get(tid);
                if (task != null && task.pendingDecode && task.inCall) decodeExecEntry(task, ring, offset, length, flags);
                if (task != null) announceExec(task);
            }
            case Records.SIGNAL -> onSignal(ring, offset, flags, tid, pid);
            case Records.TASK_EXIT -> onTaskExit(tid, (int) ring.getLong(offset + Records.VAL), (flags & Records.GROUP_DEAD) != 0);
            default -> { }
        }
    }

    private void onEnter(ByteBuffer ring, int offset, int length, int flags, int tid, int pid) {
        EbpfTask task = taskFor(tid, pid);
        announceIgnoredSignal(task);
        SyscallEvent e = task.event;
        long ts = ring.getLong(offset + Records.TS);
        e.number = (int) ring.getLong(offset + Records.NR);
        for (int i = 0; i < 6; i++) e.args[i] = ring.getLong(offset + Records.ARGS + 8 * i);
        e.entryNanos = ts;
        e.entryEpochNanos = ts + epochOffsetNanos;
        e.returned = false;
        e.arguments.setLength(0);
        task.inCall = true;
        task.pendingDecode = false;
        if ((flags & Records.HIDDEN) != 0) task.hidden = true;
        if (!decode) return;
        if ((flags & Records.RETRY) != 0) {
            task.hold(ring, offset, length);
            return;
        }
        memory.clear();
        memory.add(ring, offset + Records.ENTER_SIZE, offset + length, captures(ring, offset));
        decodeEntry(task, ring.getLong(offset + Records.SP));
        announceEntry(task);
    }

    private void decodeEntry(EbpfTask task, long stackPointer) {
        SyscallEvent e = task.event;
        e.arguments.setLength(0);
        e.argumentsDecodedAtEntry = decoder.decodeEntry(task.tid, e.number, e.args, stackPointer, e.arguments);
        e.separatorAfterEntry = decoder.exitSeparated(e.number, e.args, e.argumentsDecodedAtEntry);
    }

    /** The held entry record's captures, then those {@code more} brings. */
    private void decodeHeldEntry(EbpfTask task) {
        memory.add(task.held, Records.ENTER_SIZE, task.heldLength, captures(task.held, 0));
        decodeEntry(task, task.held.getLong(Records.SP));
        task.pendingDecode = false;
    }

    private void announceEntry(EbpfTask task) {
        if (task.hidden) {
            task.heldEntry = true; // announced when the exec succeeds, as the ptrace backend does
            return;
        }
        listener.onSyscallEntry(task.event);
    }

    private static int captures(ByteBuffer buffer, int offset) {
        return buffer.getShort(offset + Records.CAPTURES) & 0xffff;
    }

    private void onExit(ByteBuffer ring, int offset, int length, int flags, int tid, int pid) {
        long rval = ring.getLong(offset + Records.VAL);
        int number = (int) ring.getLong(offset + Records.NR);
        if ((flags & Records.HIDDEN) != 0) {
            // the trampoline's execve returned: it failed (a successful one returns in the new program)
            if ((number == NR_EXECVE || number == NR_EXECVEAT) && rval < 0 && rval >= -4095) failedExecErrno = (int) -rval;
            EbpfTask task = tasks.get(tid);
            if (task != null) {
                task.inCall = false;
                task.heldEntry = false;
                task.pendingDecode = false;
            }
            return;
        }
        EbpfTask task = taskFor(tid, pid);
        SyscallEvent e = task.event;
        if (!decode) {
            e.number = number;           // durations only: no entry record came
            e.arguments.setLength(0);
        } else if (!task.inCall || e.number != number) {
            return;                      // its entry record was lost (counted in the kernel)
        }
        task.inCall = false;
        e.entryNanos = ring.getLong(offset + Records.ENTRY_TS);
        e.entryEpochNanos = e.entryNanos + epochOffsetNanos;
        e.exitNanos = ring.getLong(offset + Records.TS);
        e.returnValue = rval;
        e.result.setLength(0);
        boolean returned = (flags & Records.NO_RETURN) == 0;
        if (decode) {
            memory.clear();
            if (returned) memory.add(ring, offset + Records.EXIT_SIZE, offset + length, captures(ring, offset));
            if (task.pendingDecode) {
                decodeHeldEntry(task);
                announceEntry(task);
            }
        }
        if (!returned) {
            e.returned = false;
            e.result.append('?');
        } else {
            e.returned = true;
            if (decode) {
                decoder.decodeExit(tid, e.number, e.args, e.argumentsDecodedAtEntry, rval, e.arguments, e.result);
            }
        }
        listener.onSyscall(e);
        announceIgnoredSignal(task);
    }

    private void onSignal(ByteBuffer ring, int offset, int flags, int tid, int pid) {
        EbpfTask task = taskFor(tid, pid);
        int signal = (int) ring.getLong(offset + Records.NR);
        if ((flags & Records.IGNORED) != 0) {
            announceIgnoredSignal(task); // one held at a time: an earlier one goes out now
            task.ignoredSignal = signal;
            ring.get(offset + Records.HEAD_SIZE, task.ignoredSiginfo, 0, Records.SIGINFO_SIZE);
            return;
        }
        ring.get(offset + Records.HEAD_SIZE, siginfo, 0, Records.SIGINFO_SIZE);
        siginfoText.setLength(0);
        Signals.formatSiginfo(siginfo, siginfoText);
        listener.onSignal(tid, pid, signal, siginfoText);
        // the kernel stops the task next: ptrace's group-stop, strace's "--- stopped by SIG ---"
        if ((flags & Records.GROUP_STOP) != 0) listener.onGroupStop(tid, pid, signal);
    }

    /** The ignored signal the task holds, if any, as the line ptrace's delivery of it prints. */
    private void announceIgnoredSignal(EbpfTask task) {
        if (task.ignoredSignal == 0) return;
        siginfoText.setLength(0);
        Signals.formatSiginfo(task.ignoredSiginfo, siginfoText);
        int signal = task.ignoredSignal;
        task.ignoredSignal = 0;
        listener.onSignal(task.tid, task.pid, signal, siginfoText);
    }

    private void onFork(int parentTid, int parentPid, int childTid, int childPid) {
        if (tasks.containsKey(childTid)) return;
        boolean newProcess = !processes.containsKey(childPid);
        add(childTid, childPid);
        if (newProcess) {
            ProcessInfo info = new ProcessInfo(childPid, parentPid, ProcFs.executable(childPid), ProcFs.cmdline(childPid),
                    ProcFs.comm(childPid), epochNow(), false);
            processes.put(childPid, info);
            listener.onProcessStart(info);
        }
    }

    private void onExecRecord(int tid, int pid, int formerTid) {
        EbpfTask task = tasks.get(tid);
        if (formerTid != tid && tasks.containsKey(formerTid)) {
            // a non-leader thread exec'd: it now has the leader's tid (ptrace(2), "execve(2) under ptrace")
            EbpfTask execing = tasks.remove(formerTid);
            tasks.put(tid, rebound(execing, tid));
            task = tasks.get(tid);
        }
        if (task == null) task = taskFor(tid, pid);
        boolean wasHidden = task.hidden;
        task.hidden = false;
        List<String> argv = wasHidden ? rootCommand : ProcFs.cmdline(pid);
        ProcessInfo previous = wasHidden ? null : processes.get(pid);
        ProcessInfo info = new ProcessInfo(pid, previous == null ? 0 : previous.parentPid(), ProcFs.executable(pid), argv,
                ProcFs.comm(pid), previous == null ? epochNow() : previous.startEpochNanos(),
                previous != null && previous.attached());
        processes.put(pid, info);
        if (previous == null) listener.onProcessStart(info);
        else listener.onExec(info);
    }

    /** After the exec is announced: the execve's entry held back while hidden or waiting for its strings. */
    private void announceExec(EbpfTask task) {
        if (task.heldEntry && task.inCall) listener.onSyscallEntry(task.event);
        task.heldEntry = false;
    }

    /**
     * An execve whose strings were unreadable at entry: its exec record brings what the kernel copied
     * instead ({@link ExecArguments}); then the held entry is decoded, to be announced after the exec.
     */
    private void decodeExecEntry(EbpfTask task, ByteBuffer ring, int offset, int length, int flags) {
        memory.clear();
        if ((flags & Records.RETRY) != 0) {
            memory.add(ring, offset + Records.HEAD_SIZE, offset + length, captures(ring, offset));
            execArguments.rebuild(task.event);
        }
        decodeHeldEntry(task);
        task.hidden = false;
        task.heldEntry = true;
    }

    private EbpfTask rebound(EbpfTask from, int tid) {
        EbpfTask t = new EbpfTask(tid, from.pid);
        t.inCall = from.inCall;
        t.hidden = from.hidden;
        t.heldEntry = from.heldEntry;
        SyscallEvent a = from.event, b = t.event;
        b.number = a.number;
        System.arraycopy(a.args, 0, b.args, 0, 6);
        b.entryNanos = a.entryNanos;
        b.entryEpochNanos = a.entryEpochNanos;
        b.arguments.append(a.arguments);
        b.argumentsDecodedAtEntry = a.argumentsDecodedAtEntry;
        return t;
    }

    private void onTaskExit(int tid, int waitStatus, boolean groupDead) {
        EbpfTask task = tasks.get(tid);
        if (task != null) taskEnded(task, waitStatus, groupDead);
    }

    private void taskEnded(EbpfTask task, int waitStatus, boolean groupDead) {
        tasks.remove(task.tid);
        int left = tasksPerProcess.get(task.pid) - 1;
        if (left <= 0) tasksPerProcess.remove(task.pid);
        else tasksPerProcess.put(task.pid, left);
        if (task.hidden) {
            if (task.tid == rootPid) rootNeverRan = true;
            return;
        }
        boolean lastOfProcess = groupDead || left <= 0;
        if (task.tid != task.pid) {
            listener.onThreadExit(task.tid, task.pid, exitCode(waitStatus), termSignal(waitStatus), core(waitStatus));
            if (!lastOfProcess) return;
            int leader = leaderStatus.remove(task.pid);
            if (leader == -1 && tasksPerProcess.containsKey(task.pid)) return;
            processEnded(task.pid, leader == -1 ? waitStatus : leader);
            return;
        }
        if (!lastOfProcess) {
            leaderStatus.put(task.pid, waitStatus); // its threads go on: the process ends with the last
            return;
        }
        processEnded(task.pid, waitStatus);
    }

    private void processEnded(int pid, int waitStatus) {
        if (pid == rootPid) rootStatus = termSignal(waitStatus) == 0 ? exitCode(waitStatus) : 128 + termSignal(waitStatus);
        processes.remove(pid);
        if (tasks.isEmpty()) {
            // the trace's last exit waits for the losses, so that sinks can put them on it (the OTLP process span)
            lastExitPid = pid;
            lastExitStatus = waitStatus;
            return;
        }
        listener.onProcessExit(pid, exitCode(waitStatus), termSignal(waitStatus), core(waitStatus));
    }

    /** Announces the trace's last process exit, held back by {@link #processEnded}. */
    void flushLastExit() {
        if (lastExitPid == 0) return;
        int pid = lastExitPid;
        lastExitPid = 0;
        listener.onProcessExit(pid, exitCode(lastExitStatus), termSignal(lastExitStatus), core(lastExitStatus));
    }

    private EbpfTask taskFor(int tid, int pid) {
        EbpfTask task = tasks.get(tid);
        if (task != null) return task;
        // first sight of a task whose fork record was lost: announce its process as the ptrace backend would
        EbpfTask created = add(tid, pid);
        if (!processes.containsKey(pid)) {
            ProcessInfo info = new ProcessInfo(pid, 0, ProcFs.executable(pid), ProcFs.cmdline(pid), ProcFs.comm(pid),
                    epochNow(), false);
            processes.put(pid, info);
            listener.onProcessStart(info);
        }
        return created;
    }

    private EbpfTask add(int tid, int pid) {
        EbpfTask task = new EbpfTask(tid, pid);
        tasks.put(tid, task);
        tasksPerProcess.put(pid, tasksPerProcess.get(pid) + 1);
        return task;
    }

    private long epochNow() {
        return System.nanoTime() + epochOffsetNanos;
    }

    private static int exitCode(int status) { return (status >> 8) & 0xff; }

    private static int termSignal(int status) { return status & 0x7f; }

    private static boolean core(int status) { return (status & 0x80) != 0; }
}
