package dev.renacer.output;

import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import org.agrona.collections.Int2ObjectHashMap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code -ff -o NAME}: each task's trace in its own file {@code NAME.TID}, as strace 6.1 writes them:
 * one text trace per task (a thread has its own file too), no pid prefixes, and no
 * {@code <unfinished ...>} between tasks, since no two share a file. A file is opened when its task is
 * first seen and closed when the task ends. The tid -> sink map is Agrona's; a task's events are
 * routed without allocating.
 */
public final class SeparateFiles implements TraceListener {
    private final Path prefix;
    private final PrintStream diagnostics;
    private final Supplier<Timestamps> timestamps;
    private final boolean showDuration;
    private final TextLayout layout;
    private final Int2ObjectHashMap<Task> tasks = new Int2ObjectHashMap<>();

    private record Task(int pid, TextSink sink, OutputChannel channel) {}

    /**
     * @param prefix     -o NAME: task TID writes to NAME.TID
     * @param timestamps a fresh -t/-r state for each file
     */
    public SeparateFiles(Path prefix, PrintStream diagnostics, Supplier<Timestamps> timestamps, boolean showDuration,
                         TextLayout layout) {
        this.prefix = prefix;
        this.diagnostics = diagnostics;
        this.timestamps = timestamps;
        this.showDuration = showDuration;
        this.layout = layout;
    }

    /** NAME.TID for -o NAME. */
    public static Path fileOf(Path prefix, int tid) {
        return prefix.resolveSibling(prefix.getFileName() + "." + tid);
    }

    private TextSink sink(int tid, int pid) {
        Task task = tasks.get(tid);
        if (task == null) {
            Path file = fileOf(prefix, tid);
            OutputStream out;
            try {
                out = Files.newOutputStream(file);
            } catch (IOException e) {
                // strace dies here; a tracer must not leave its tracees, so this task's lines are lost instead
                diagnostics.println("renacer: Can't fopen '" + file + "': " + dev.renacer.io.IoErrors.reason(e)
                        + "; the trace of " + tid + " is lost");
                out = OutputStream.nullOutputStream();
            }
            OutputChannel channel = new OutputChannel(out, file.toString(), diagnostics, true);
            task = new Task(pid, new TextSink(channel, timestamps.get(), showDuration, true, false, layout), channel);
            tasks.put(tid, task);
        }
        return task.sink;
    }

    private void close(int tid) {
        Task task = tasks.remove(tid);
        if (task == null) return;
        task.sink.onFinish();
        task.channel.close();
    }

    @Override
    public void onProcessStart(ProcessInfo process) {
        sink(process.pid(), process.pid()).onProcessStart(process);
    }

    @Override
    public void onExec(ProcessInfo process) {
        sink(process.pid(), process.pid()).onExec(process);
    }

    @Override
    public void onSyscallEntry(SyscallEvent event) {
        sink(event.tid, event.pid).onSyscallEntry(event);
    }

    @Override
    public void onSyscall(SyscallEvent event) {
        sink(event.tid, event.pid).onSyscall(event);
    }

    @Override
    public void onSignal(int tid, int pid, int signal, CharSequence siginfo) {
        sink(tid, pid).onSignal(tid, pid, signal, siginfo);
    }

    @Override
    public void onAbiChange(int tid, int pid, boolean i386) {
        sink(tid, pid).onAbiChange(tid, pid, i386);
    }

    @Override
    public void onGroupStop(int tid, int pid, int signal) {
        sink(tid, pid).onGroupStop(tid, pid, signal);
    }

    @Override
    public void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        sink(tid, pid).onThreadExit(tid, pid, exitCode, termSignal, coreDumped);
        close(tid);
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        sink(pid, pid).onProcessExit(pid, exitCode, termSignal, coreDumped);
        close(pid);
    }

    /**
     * A thread's execve replaced its leader: the leader's file says so, and, as strace switches the two tasks, the
     * exec'd thread goes on in the leader's file under the leader's pid while its own file is closed.
     */
    @Override
    public void onSuperseded(int leaderTid, int execingTid) {
        Task leader = tasks.get(leaderTid);
        if (leader != null) leader.sink.onSuperseded(leaderTid, execingTid);
        close(execingTid);
    }

    @Override
    public void onDetach(int pid) {
        for (int tid : tidsOf(pid)) {
            tasks.get(tid).sink.onDetach(pid);
            close(tid);
        }
    }

    @Override
    public void onFinish() {
        for (int tid : tidsOf(0)) close(tid);
    }

    /** The tasks of process {@code pid}, or all of them for 0. */
    private List<Integer> tidsOf(int pid) {
        List<Integer> tids = new ArrayList<>();
        tasks.forEach((tid, task) -> {
            if (pid == 0 || task.pid == pid) tids.add(tid);
        });
        return tids;
    }
}
