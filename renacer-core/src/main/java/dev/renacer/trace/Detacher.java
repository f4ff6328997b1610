package dev.renacer.trace;


import java.io.PrintStream;

import static dev.renacer.linux.Ptrace.*;

/**
 * Lets go of every tracee, leaving it running (or stopped, if it was in a group-stop): each task is
 * asked to stop with PTRACE_INTERRUPT and PTRACE_DETACHed at the stop it reports next, with the
 * signal of a signal-delivery-stop re-injected. Once started, the loop hands every report here.
 */
final class Detacher {
    private final Tracees tracees;
    private final Deaths deaths;
    private final TraceListener listener;
    /** Where "Process N detached" goes; null under -q. */
    private final PrintStream diagnostics;
    private boolean started;

    Detacher(Tracees tracees, Deaths deaths, TraceListener listener, PrintStream diagnostics) {
        this.tracees = tracees;
        this.deaths = deaths;
        this.listener = listener;
        this.diagnostics = diagnostics;
    }

    boolean started() {
        return started;
    }

    void start() {
        started = true;
        for (Task t : tracees.snapshot()) tracees.work.ptrace(PTRACE_INTERRUPT, t.tid, 0, 0);
    }

    /** One wait report while detaching. */
    void onReport(int tid, int st) {
        Task task = tracees.task(tid);
        if (task == null) return;
        if (!stopped(st)) {
            deaths.onDeath(task, st);
            return;
        }
        int sig = stopSignal(st);
        boolean signalDelivery = event(st) == 0 && sig != SYSCALL_STOP_SIGNAL;
        tracees.work.stops++;
        tracees.work.ptrace(PTRACE_DETACH, tid, 0, signalDelivery ? sig : 0);
        tracees.remove(tid);
        if (tid == task.pid) {
            if (diagnostics != null) diagnostics.println("renacer: Process " + tid + " detached");
            listener.onDetach(tid);
        }
    }
}
