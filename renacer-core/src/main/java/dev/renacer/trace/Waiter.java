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

    /** How long each blocking wait first polls with WNOHANG (RENACER_POLL_US, default 200 µs; 0 never). */
    private final PollBudget budget;
    private final Memory status = new Memory(4);
    /** struct rusage for wait4, when system times are measured; null otherwise. */
    private final Memory rusage;
    private int errno;

    Waiter() {
        this(false, 0);
    }

    /**
     * @param systemTime read the waited task's rusage at each report (-c's system time)
     * @param pollNanos  how long a blocking wait may first poll (0: never)
     */
    Waiter(boolean systemTime, long pollNanos) {
        this.rusage = systemTime ? new Memory(RUSAGE_SIZE) : null;
        this.budget = new PollBudget(pollNanos);
    }

    /** What the task restarted last does now: runs inside syscall {@code number}, or (-1) its own code. */
    void restarted(int number) {
        budget.restarted(number);
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
            if ((options & WNOHANG) == 0) {
                int reported = poll(pid, options);
                if (reported != 0) return reported;
            }
            return rusage == null ? LibC.waitpid(pid, status, options) : LibC.wait4(pid, status, options, rusage);
        } catch (LastErrorException e) {
            errno = e.getErrorCode();
            return errno == EINTR ? INTERRUPTED : NO_CHILD;
        }
    }

    /**
     * Polls for up to the budget, so that a tracee that stops again within microseconds finds the tracer awake,
     * without the wake-up of a task asleep on a halted CPU: the pid reported, or 0 when nothing was (the caller
     * then blocks).
     */
    private int poll(int pid, int options) {
        long nanos = budget.next();
        if (nanos == 0) return 0;
        long deadline = System.nanoTime() + nanos;
        do {
            int reported = rusage == null ? LibC.waitpid(pid, status, options | WNOHANG)
                    : LibC.wait4(pid, status, options | WNOHANG, rusage);
            if (reported != 0) {
                budget.found();
                return reported;
            }
            // sched_yield, not a pause: on an idle CPU it returns at once (the CPU stays out of its halt, which is
            // the point), on a busy one it lets whatever else is runnable go first, the tracee above all when it
            // shares the tracer's CPU. Measured side by side (README, Waiting for stops): with both CPUs busy, a
            // spinning poll took the tracee's time (12.5 s blocking, 6.7 s spinning, 3.0 s yielding, C loop).
            Thread.yield();
        } while (System.nanoTime() < deadline);
        budget.slept();
        return 0;
    }

    private static final int WNOHANG = dev.renacer.linux.Ptrace.WNOHANG;

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
