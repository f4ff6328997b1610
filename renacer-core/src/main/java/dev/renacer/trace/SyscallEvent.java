package dev.renacer.trace;

import dev.renacer.syscall.Errno;
import dev.renacer.syscall.I386Syscalls;
import dev.renacer.syscall.SyscallTable;

/**
 * One system call of one task, from its entry stop to its exit stop.
 *
 * <p>The tracer owns one instance per task and reuses it for every call that task makes: a sink
 * that keeps anything copies it before returning. Fields are public and mutable on purpose (a
 * flyweight on the hot path); only the tracer thread writes them.
 */
public final class SyscallEvent {
    /** Thread id of the task that made the call. */
    public int tid;
    /** Process id (thread-group id) of that task. */
    public int pid;
    /** x86_64 syscall number, or an i386 one when {@link #i386}. */
    public int number;
    /**
     * The call went through the i386 ABI ({@code int $0x80}): {@link #number} is from the i386 table
     * ({@link I386Syscalls}), the arguments are 32-bit registers, and they are printed in hex, not decoded.
     */
    public boolean i386;
    /** The six raw argument registers. */
    public final long[] args = new long[6];
    /** Raw return register at the exit stop: a negative errno on failure ({@link Errno#isError}). */
    public long returnValue;
    /** False when the call never returned (exit_group, execve in another thread, a kill): strace's {@code = ?}. */
    public boolean returned;
    /** {@link System#nanoTime()} at the entry stop and at the exit stop. */
    public long entryNanos;
    public long exitNanos;
    /**
     * The process's system CPU time (wait4's rusage stime, as strace reads it for -c) at the entry stop and
     * at the exit stop, in nanoseconds; 0 unless the tracer measures it ({@link Tracer.Builder#systemTime}).
     */
    public long entrySystemNanos;
    public long exitSystemNanos;
    /** Wall clock at the entry stop, nanoseconds since the epoch (for -t, -tt, -ttt and exported spans). */
    public long entryEpochNanos;
    /** Decoded arguments, strace style, without the parentheses: {@code AT_FDCWD, "/etc", O_RDONLY}. */
    public final StringBuilder arguments = new StringBuilder(256);
    /** Decoded result, strace style, without "= ": {@code 3}, {@code -1 ENOENT (No such file or directory)}, {@code ?}. */
    public final StringBuilder result = new StringBuilder(64);
    /**
     * -e read= / -e write=: strace's hex dump of the data the call moved, lines printed after the call's
     * line ({@code  | 00000  68 69 ... hi |}); empty for most calls.
     */
    public final StringBuilder dump = new StringBuilder(0);
    /** Set by the tracer while filling: how many arguments were decoded at entry (the rest at exit). */
    public int argumentsDecodedAtEntry;
    /**
     * Set by the tracer at the entry stop: the arguments decoded at exit will follow those of the entry after
     * ", ", so a line left unfinished ends with it ({@code wait4(42,  <unfinished ...>}); false when none remain
     * or the next one brings its own separator ({@code clone3({...} <unfinished ...>}).
     */
    public boolean separatorAfterEntry;

    /**
     * Arguments of this call remain to be printed at its exit stop (strace: the entry did not decode it all);
     * a call that never returns then shows {@code <unfinished ...>} where they would have been.
     */
    public boolean argumentsRemainAtExit() {
        return !i386 && argumentsDecodedAtEntry < SyscallTable.argumentCount(number);
    }

    /** The syscall name, or {@code syscall_0x1c2} for a number the table does not know. Never allocates. */
    public String name() {
        return i386 ? I386Syscalls.name(number) : SyscallTable.name(number);
    }

    /** True when the call returned an error ({@link Errno#isError}), a restart code such as ERESTARTSYS included. */
    public boolean failed() {
        return returned && Errno.isError(returnValue);
    }

    /** The errno of a failed call, 0 otherwise. */
    public int errno() {
        return failed() ? (int) -returnValue : 0;
    }

    /**
     * The errno of a failed call as strace prints it ({@code ENOENT}, {@code ERESTARTSYS}, {@code 4000} for a
     * number without a name), null when the call did not fail: what every output format reports as the errno.
     * Never allocates.
     */
    public String errnoName() {
        return failed() ? Errno.printedName(errno()) : null;
    }

    /** System CPU time the call took (strace -c's default measure), in nanoseconds; 0 if it never returned or is not measured. */
    public long systemNanos() {
        return returned ? Math.max(0, exitSystemNanos - entrySystemNanos) : 0L;
    }

    /** Wall time spent in the call (exit stop minus entry stop), in nanoseconds; 0 if it never returned. */
    public long durationNanos() {
        return returned ? exitNanos - entryNanos : 0L;
    }
}
