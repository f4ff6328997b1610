package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.renacer.linux.LibC;
import dev.renacer.syscall.Errno;

/**
 * waitpid(2) for the tracer thread, the one place that tells its outcomes apart: a status report, an
 * interruption by a signal handler (EINTR: nothing happened), or no child left to wait for (ECHILD,
 * or any other error). The status word lives in one reused native buffer, so a wait allocates nothing.
 */
final class Waiter {
    /** {@link #next}'s answer when a signal handler interrupted the wait: look at your flags, wait again. */
    static final int INTERRUPTED = 0;
    /** {@link #next}'s answer when there is nothing to wait for (ECHILD); {@link #errno()} says why. */
    static final int NO_CHILD = -1;
    private static final int EINTR = Errno.number("EINTR");

    private final Memory status = new Memory(4);
    /** struct rusage for wait4, when system times are measured; null otherwise. */
    private final Memory rusage;
    private int errno;

    Waiter() {
        this(false);
    }

    /** @param systemTime read the waited task's rusage at each report (-c's system time) */
    Waiter(boolean systemTime) {
        this.rusage = systemTime ? new Memory(RUSAGE_SIZE) : null;
    }

    private static final int RUSAGE_SIZE = 144, RU_STIME_SEC = 16, RU_STIME_USEC = 24;

    /**
     * One waitpid(pid, &status, options). Never 0 for another reason: without WNOHANG, waitpid only
     * returns 0 when it is interrupted.
     *
     * @return the pid whose status changed, {@link #INTERRUPTED} or {@link #NO_CHILD}
     */
    int next(int pid, int options) {
        try {
            return rusage == null ? LibC.waitpid(pid, status, options) : LibC.wait4(pid, status, options, rusage);
        } catch (LastErrorException e) {
            errno = e.getErrorCode();
            return errno == EINTR ? INTERRUPTED : NO_CHILD;
        }
    }

    /** As {@link #next}, waiting again after an interruption: the pid reported, or {@link #NO_CHILD}. */
    int reported(int pid, int options) {
        int reported;
        do {
            reported = next(pid, options);
        } while (reported == INTERRUPTED);
        return reported;
    }

    /** The wait status the last successful wait reported. */
    int status() {
        return status.getInt(0);
    }

    /** The reported process's system CPU time at the last report, in nanoseconds (microsecond resolution); 0 when not measured. */
    long systemNanos() {
        return rusage == null ? 0 : rusage.getLong(RU_STIME_SEC) * 1_000_000_000L + rusage.getLong(RU_STIME_USEC) * 1_000L;
    }

    /** The errno of the last failed wait. */
    int errno() {
        return errno;
    }
}
