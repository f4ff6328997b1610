package dev.renacer.trace;

import java.util.List;

/** Hands every event to several listeners in order. */
public final class CompositeListener implements TraceListener {
    private final TraceListener[] listeners;

    public CompositeListener(List<? extends TraceListener> listeners) {
        this.listeners = listeners.toArray(new TraceListener[0]);
    }

    @Override public void onProcessStart(ProcessInfo p) { for (TraceListener l : listeners) l.onProcessStart(p); }
    @Override public void onExec(ProcessInfo p) { for (TraceListener l : listeners) l.onExec(p); }
    @Override public void onSyscallEntry(SyscallEvent e) { for (TraceListener l : listeners) l.onSyscallEntry(e); }
    @Override public void onSyscall(SyscallEvent e) { for (TraceListener l : listeners) l.onSyscall(e); }
    @Override public void onSignal(int tid, int pid, int sig, CharSequence info) { for (TraceListener l : listeners) l.onSignal(tid, pid, sig, info); }
    @Override public void onAbiChange(int tid, int pid, boolean i386) { for (TraceListener l : listeners) l.onAbiChange(tid, pid, i386); }
    @Override public void onGroupStop(int tid, int pid, int sig) { for (TraceListener l : listeners) l.onGroupStop(tid, pid, sig); }
    @Override public void onProcessExit(int pid, int code, int sig, boolean core) { for (TraceListener l : listeners) l.onProcessExit(pid, code, sig, core); }
    @Override public void onThreadExit(int tid, int pid, int code, int sig, boolean core) { for (TraceListener l : listeners) l.onThreadExit(tid, pid, code, sig, core); }
    @Override public void onSuperseded(int leader, int execing) { for (TraceListener l : listeners) l.onSuperseded(leader, execing); }
    @Override public void onDetach(int pid) { for (TraceListener l : listeners) l.onDetach(pid); }
    @Override public void onSyscallCounts(int n, long calls, long errors, long total, long min, long max) { for (TraceListener l : listeners) l.onSyscallCounts(n, calls, errors, total, min, max); }
    @Override public void onEventsLost(long events) { for (TraceListener l : listeners) l.onEventsLost(events); }
    @Override public void onFinish() { for (TraceListener l : listeners) l.onFinish(); }
}
