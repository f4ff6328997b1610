package dev.renacer.trace;

import java.util.List;

/**
 * One way of seeing a process's syscalls: ptrace stops ({@link PtraceBackend}) or in-kernel programs
 * ({@link dev.renacer.trace.ebpf.EbpfBackend}). Either hands the same reused {@link SyscallEvent} and the
 * same lifecycle calls to the {@link TraceListener}, so every sink works on both. {@link Tracer} picks one
 * from {@link Tracer.Builder#backend}; a backend traces one launch or one attach, then is done.
 */
public interface TraceBackend {

    /** Starts {@code command} (resolved on PATH), traces it from its execve to the end of every followed task. */
    TraceResult launch(Argv command) throws TraceException;

    /** Traces running processes until they end or {@link #requestDetach} is called. */
    TraceResult attach(List<Integer> pids) throws TraceException;

    /**
     * From any thread (see {@link Tracer#requestDetach}): the launched command, while still traced, is sent
     * SIGCONT and {@code signal} (unless it is 0), every task is let go, and the trace returns with
     * {@link TraceResult#interruptSignal}, as strace's cleanup() does. Only the first request counts.
     */
    void requestDetach(int signal);
}
