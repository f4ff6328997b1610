package dev.renacer.output;

import dev.renacer.filter.CallStatus;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * -e status=SET, -z and -Z in front of a trace sink, as strace 6.1 does them: a call's line is held back
 * from its entry and printed whole at its exit, only when the call ended with a status in the set
 * (successful, failed, unfinished for {@code = ?}, detached for the call renacer let go in). Since nothing
 * is printed at entry, no line is left {@code <unfinished ...>}. Statistics (-c) see every call: only
 * what is printed is filtered, as in strace.
 *
 * <p>A held call is remembered by its task's event, which the tracer reuses for that task's next call
 * only, after this call's exit; so the reference is good until then. Allocates nothing per call.
 */
public final class StatusFilter implements TraceListener {
    private final TraceListener next;
    private final boolean successful, failed, unfinished, detached;
    private final Int2ObjectHashMap<SyscallEvent> held = new Int2ObjectHashMap<>();

    public StatusFilter(TraceListener next, Set<CallStatus> statuses) {
        this.next = next;
        this.successful = statuses.contains(CallStatus.SUCCESSFUL);
        this.failed = statuses.contains(CallStatus.FAILED);
        this.unfinished = statuses.contains(CallStatus.UNFINISHED);
        this.detached = statuses.contains(CallStatus.DETACHED);
    }

    /** True when {@code statuses} leaves some call out, so that a filter is needed (strace's !is_complete_set). */
    public static boolean filters(Set<CallStatus> statuses) {
        return statuses.size() < CallStatus.values().length;
    }

    @Override
    public void onSyscallEntry(SyscallEvent event) {
        held.put(event.tid, event);
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        held.remove(e.tid);
        boolean printed = !e.returned ? unfinished : e.failed() ? failed : successful;
        if (printed) next.onSyscall(e);
    }

    @Override
    public void onDetach(int pid) {
        if (detached) {
            List<SyscallEvent> inFlight = new ArrayList<>();
            held.forEach((tid, e) -> {
                if (e.pid == pid) inFlight.add(e);
            });
            for (SyscallEvent e : inFlight) {
                held.remove(e.tid);
                next.onSyscallEntry(e);
            }
        }
        next.onDetach(pid);
    }

    @Override
    public void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        held.remove(tid);
        next.onThreadExit(tid, pid, exitCode, termSignal, coreDumped);
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        held.remove(pid);
        next.onProcessExit(pid, exitCode, termSignal, coreDumped);
    }

    @Override public void onProcessStart(ProcessInfo process) { next.onProcessStart(process); }
    @Override public void onExec(ProcessInfo process) { next.onExec(process); }
    @Override public void onSignal(int tid, int pid, int signal, CharSequence siginfo) { next.onSignal(tid, pid, signal, siginfo); }
    @Override public void onAbiChange(int tid, int pid, boolean i386) { next.onAbiChange(tid, pid, i386); }
    @Override public void onGroupStop(int tid, int pid, int signal) { next.onGroupStop(tid, pid, signal); }
    @Override public void onSuperseded(int leaderTid, int execingTid) { next.onSuperseded(leaderTid, execingTid); }
    @Override public void onSyscallCounts(int number, long calls, long errors, long totalNanos, long minNanos, long maxNanos) {
        next.onSyscallCounts(number, calls, errors, totalNanos, minNanos, maxNanos);
    }
    @Override public void onEventsLost(long events) { next.onEventsLost(events); }
    @Override public void onFinish() { next.onFinish(); }
}
