package dev.renacer.trace;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.renacer.linux.ProcDescriptors;
import dev.renacer.linux.ProcessVmReader;
import dev.renacer.syscall.Errno;
import dev.renacer.syscall.I386Syscalls;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.syscall.decode.SyscallDecoder;

import static dev.renacer.linux.Ptrace.*;

/**
 * Syscall-entry and syscall-exit stops, and seccomp stops (--seccomp-bpf: a selected call's entry when the
 * task was let go with PTRACE_CONT, nothing new after its entry stop): one PTRACE_GET_SYSCALL_INFO each (it says entry or exit, so
 * there is no entry/exit toggling to get wrong), the task's state moved on, the call decoded and
 * handed to the listener when it passes the filter. Allocates nothing.
 *
 * <p>A call made through the i386 ABI ({@code int $0x80}, arch AUDIT_ARCH_I386) carries an i386
 * number: it is named from the i386 table, passes the filter as the x86_64 call of the same name
 * would, and its arguments and result are printed raw ({@link I386Syscalls}).
 */
final class SyscallStops {
    private static final int NR_EXECVE = SyscallTable.number("execve");
    private static final int NR_EXECVEAT = SyscallTable.number("execveat");

    private final Tracer.Config config;
    private final WorkCounts work;
    private final TraceListener listener;
    private final SyscallDecoder decoder;
    private final long epochOffsetNanos;
    private final Injector injector;
    /** -P, or null. */
    private final PathTrace paths;
    /** The call {@link #announce} hands the listener, or null; which half of it: see {@link #pendingExit}. */
    private SyscallEvent pending;
    private boolean pendingExit;
    private final Memory syscallInfo = new Memory(SYSCALL_INFO_SIZE);
    private final long syscallInfoAddress = Pointer.nativeValue(syscallInfo); // ptrace's data argument

    SyscallStops(Tracer.Config config, long epochOffsetNanos, WorkCounts work) {
        this.work = work;
        this.config = config;
        this.listener = config.listener();
        ProcessVmReader memory = new ProcessVmReader();
        this.decoder = new SyscallDecoder(memory, config.decodeOptions());
        this.paths = config.tracePaths().isEmpty() ? null : new PathTrace(config.tracePaths(), memory, new ProcDescriptors());
        this.epochOffsetNanos = epochOffsetNanos;
        this.injector = new Injector(config.inject(), config.diagnostics());
    }

    /**
     * One syscall-stop or seccomp stop of {@code task}: everything that needs the task stopped (its registers and
     * memory read, the arguments or result decoded, -e inject= applied). What it decided to announce waits for
     * {@link #announce}, which the loop calls once it has restarted the task: formatting and writing the line
     * then runs while the task goes on to its next stop, instead of holding it stopped (issue 10).
     *
     * @param systemNanos its process's system time at this stop, when measured (-c), else 0
     * @return the signal to restart the task with: 0, or one -e inject=...:signal= sends
     */
    int onStop(Task task, long systemNanos) {
        if (work.ptrace(PTRACE_GET_SYSCALL_INFO, task.tid, SYSCALL_INFO_SIZE, syscallInfoAddress) <= 0) return 0;
        int op = syscallInfo.getByte(SYSCALL_INFO_OFF_OP);
        if (op == SYSCALL_INFO_ENTRY) {
            task.event.entrySystemNanos = systemNanos;
            return onEntry(task);
        }
        if (op == SYSCALL_INFO_SECCOMP) {
            task.seccompFiltered = true;
            if (task.state.inSyscall()) return 0; // its syscall-entry-stop came first (restarted with PTRACE_SYSCALL)
            task.event.entrySystemNanos = systemNanos; // restarted with PTRACE_CONT: this stop is the call's entry
            return onEntry(task);
        }
        if (op == SYSCALL_INFO_EXIT) {
            task.event.exitSystemNanos = systemNanos;
            onExit(task);
        }
        return 0;
    }

    private int onEntry(Task task) {
        SyscallEvent e = task.event;
        long now = System.nanoTime();
        e.number = (int) syscallInfo.getLong(SYSCALL_INFO_OFF_NR);
        for (int i = 0; i < 6; i++) e.args[i] = syscallInfo.getLong(SYSCALL_INFO_OFF_ARGS + 8L * i);
        e.entryNanos = now;
        e.entryEpochNanos = now + epochOffsetNanos;
        e.returned = false;
        boolean i386 = syscallInfo.getInt(SYSCALL_INFO_OFF_ARCH) == AUDIT_ARCH_I386;
        if (i386 != e.i386) { // the event still holds the task's previous call
            e.i386 = i386;
            if (!task.state.hidden()) listener.onAbiChange(task.tid, task.pid, i386);
        }
        if (i386) {
            onI386Entry(task, e);
            return 0;
        }
        boolean isExec = e.number == NR_EXECVE || e.number == NR_EXECVEAT;
        boolean passes = config.filter().traces(e.number);
        if (passes && paths != null) {
            // the target's execve is announced at the exec event, after its path is gone from memory: decided now
            if (!task.state.hidden()) passes = paths.matches(task.tid, e.number, e.args);
            else if (isExec) task.execMatchesPaths = paths.matches(task.tid, e.number, e.args);
        }
        task.state = task.state.entered(passes);
        boolean traced = task.state.traced();
        e.arguments.setLength(0);
        e.separatorAfterEntry = false;
        if ((traced && config.decode()) || (task.state.hidden() && isExec)) {
            long sp = syscallInfo.getLong(SYSCALL_INFO_OFF_SP);
            e.argumentsDecodedAtEntry = decoder.decodeEntry(task.tid, e.number, e.args, sp, e.arguments);
            e.separatorAfterEntry = decoder.exitSeparated(e.number, e.args, e.argumentsDecodedAtEntry);
        }
        if (!traced) return 0;
        // tampered with after the arguments were read, as strace does; announced after, so sinks see the entry first
        int signal = injector.active() ? injector.onEntry(task, e) : 0;
        pending = e;
        pendingExit = false;
        return signal;
    }

    /**
     * Hands the listener the call half the last {@link #onStop} decided on, if any. The event is the task's own and
     * the loop does not look at the task again before this returns, so the restarted task cannot change it.
     */
    void announce() {
        SyscallEvent e = pending;
        if (e == null) return;
        pending = null;
        if (pendingExit) {
            listener.onSyscall(e);
            work.tracedSyscalls++;
        } else {
            listener.onSyscallEntry(e);
        }
    }

    private void onExit(Task task) {
        TaskState before = task.state;
        if (!before.inSyscall()) return; // attached in the middle of a call: its entry was never seen
        task.state = before.exited();
        SyscallEvent e = task.event;
        long rval = syscallInfo.getLong(SYSCALL_INFO_OFF_RVAL);
        if (before.hidden()) {
            if ((e.number == NR_EXECVE || e.number == NR_EXECVEAT) && Errno.isError(rval)) {
                task.failedExecErrno = (int) -rval;
            }
            return;
        }
        if (!before.traced()) return;
        e.exitNanos = System.nanoTime();
        if (injector.active() && !e.i386) rval = injector.onExit(task, rval);
        e.returnValue = rval;
        e.returned = true;
        e.result.setLength(0);
        e.dump.setLength(0);
        if (e.i386) {
            if (config.decode()) appendI386Result(e);
        } else if (config.decode()) {
            decoder.decodeExit(task.tid, e.number, e.args, e.argumentsDecodedAtEntry, rval, e.arguments, e.result);
            if (injector.active()) Injector.appendNotes(task, e.result);
            decoder.appendDumps(task.tid, e.number, e.args, rval, e.dump);
        }
        pending = e;
        pendingExit = true;
    }

    private void onI386Entry(Task task, SyscallEvent e) {
        task.state = task.state.entered(config.filter().traces(I386Syscalls.x86_64Number(e.number)));
        e.arguments.setLength(0);
        e.separatorAfterEntry = false;
        e.argumentsDecodedAtEntry = e.args.length; // all shown at entry: nothing is left for the exit
        if (!task.state.traced()) return;
        if (config.decode()) I386Syscalls.appendArguments(e.number, e.args, e.arguments);
        pending = e;
        pendingExit = false;
    }

    private static void appendI386Result(SyscallEvent e) {
        if (e.failed()) Errno.appendFailure(e.errno(), e.result);
        else I386Syscalls.appendResult(e.number, e.returnValue, e.result);
    }
}
