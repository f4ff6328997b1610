package dev.renacer.syscall.decode;

import dev.renacer.syscall.Errno;

/** The call being decoded, handed to every {@link ArgDecoder}; one reused instance per decoder. */
final class Call {
    int tid;
    int number;
    long[] args;
    /** Valid at the exit stop only. */
    long returnValue;
    boolean atExit;
    /** The task's stack pointer at the entry stop (where rt_sigreturn's signal frame is). */
    long stackPointer;
    /** -e abbrev=: printed abbreviated (the default; -v clears it). */
    boolean abbrev = true;
    /** -e verbose=: structures are read (the default); else only their addresses are printed, as strace does. */
    boolean verbose = true;

    long arg(int index) { return args[index]; }

    /** True at the exit stop of a call that failed: output arguments then print as bare addresses. */
    boolean failed() {
        return atExit && Errno.isError(returnValue);
    }

    /** True at the exit stop of a call a signal interrupted, which the kernel will restart (ERESTARTSYS...). */
    boolean interrupted() {
        return failed() && Errno.isRestart((int) -returnValue);
    }
}
