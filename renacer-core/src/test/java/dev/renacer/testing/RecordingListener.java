package dev.renacer.testing;

import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps everything the tracer handed on, as text, for assertions. */
public final class RecordingListener implements TraceListener {
    public final List<StraceLine> calls = new ArrayList<>();
    public final List<String> lines = new ArrayList<>();
    public final List<String> signals = new ArrayList<>();
    public final List<ProcessInfo> starts = new ArrayList<>();
    public final List<ProcessInfo> execs = new ArrayList<>();
    public final Map<Integer, String> exits = new LinkedHashMap<>();
    public final Map<String, Integer> counts = new LinkedHashMap<>();
    public final Map<String, Integer> errors = new LinkedHashMap<>();
    public int finishes;

    @Override
    public void onSyscall(SyscallEvent e) {
        String name = e.name();
        String result = e.result.toString();
        lines.add(e.tid + " " + name + "(" + e.arguments + ") = " + result);
        calls.add(new StraceLine(e.tid, name, StraceLine.normalise(name, result)));
        // as strace -c: a call that never returned (exit_group, exit) is not counted
        if (e.returned) counts.merge(name, 1, Integer::sum);
        if (e.failed()) errors.merge(name, 1, Integer::sum);
    }

    @Override
    public void onSignal(int tid, int pid, int signal, CharSequence siginfo) {
        signals.add(tid + " " + signal + " " + siginfo);
    }

    @Override public void onProcessStart(ProcessInfo p) { starts.add(p); }
    @Override public void onExec(ProcessInfo p) { execs.add(p); }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        exits.put(pid, termSignal == 0 ? "exited with " + exitCode : "killed by " + termSignal);
    }

    @Override public void onFinish() { finishes++; }

    /** Names and normalised results in order, one task only. */
    public List<String> sequence() {
        List<String> out = new ArrayList<>();
        for (StraceLine c : calls) out.add(c.name() + " = " + c.result());
        return out;
    }
}
