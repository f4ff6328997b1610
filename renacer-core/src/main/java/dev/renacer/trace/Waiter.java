package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.renacer.linux.LibC;
import dev.renacer.syscall.Errno;

/**
 * waitpid(2) for the tracer thread, the one place that tells its outcomes apart: a status report, an
 * interruption by a signal handler (EINTR: nothing happened), or no child left to wait for (ECHILD,
 * or any other error). The status word lives in one reused native buffer, so a wait allocates nothing.
 *
 * <p>{@link #nextOfAny} serves the tasks in rounds, as strace's queue of tracees does: waitpid(-1) reports the
 * newest tracee first, so a loop that takes one report per wait can serve a busy new thread again and again while
 * an older task's stop waits. When more than one task is traced, the wait that returns a report collects every
 * other one pending (WNOHANG), and the round is served in order before the next wait.
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
    /** The report {@link #next} or {@link #nextOfAny} returned last: its status and system time. */
    private int reportedStatus;
    private long reportedSystemNanos;
    /** The round's reports not yet served, from {@code head} to {@code tail}, in the order waitpid gave them. */
    private int[] roundTids = new int[16], roundStatus = new int[16];
    private long[] roundSystemNanos = new long[16];
    private int head, tail;

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
        int reported;
        try {
            reported = 0;
            if ((options & WNOHANG) == 0) reported = poll(pid, options);
            if (reported == 0) {
                reported = waitOnce(pid, options);
            }
        } catch (LastErrorException e) {
            errno = e.getErrorCode();
            return errno == EINTR ? INTERRUPTED : NO_CHILD;
        }
        if (reported > 0) keep();
        return reported;
    }

    /**
     * The next report of any child (waitpid(-1, options)): the round's next one while a round is being served;
     * otherwise a wait as {@link #next}, and when {@code several} tasks are traced, the others' pending reports
     * with it, which the next calls serve first.
     */
    int nextOfAny(int options, boolean several) {
        if (head < tail) {
            reportedStatus = roundStatus[head];
            reportedSystemNanos = roundSystemNanos[head];
            return roundTids[head++];
        }
        int reported = next(-1, options);
        if (reported > 0 && several) collectRound(options);
        return reported;
    }

    /** One waitpid, or wait4 when system times are measured, into the shared status (and rusage) buffer. */
    private int waitOnce(int pid, int options) {
        return rusage == null ? LibC.waitpid(pid, status, options) : LibC.wait4(pid, status, options, rusage);
    }

    /** Every report pending beside the one just returned, in waitpid's order, without blocking. */
    private void collectRound(int options) {
        int keptStatus = reportedStatus;
        long keptSystemNanos = reportedSystemNanos;
        head = tail = 0;
        try {
            int tid;
            while ((tid = waitOnce(-1, options | WNOHANG)) > 0) {
                if (tail == roundTids.length) grow();
                roundTids[tail] = tid;
                roundStatus[tail] = status.getInt(0);
                roundSystemNanos[tail] = systemNanosOf(rusage);
                tail++;
            }
        } catch (LastErrorException e) {
            // ECHILD or EINTR: nothing more is pending now; the next wait tells
        }
        reportedStatus = keptStatus;
        reportedSystemNanos = keptSystemNanos;
    }

    private void grow() {
        int n = roundTids.length * 2;
        roundTids = java.util.Arrays.copyOf(roundTids, n);
        roundStatus = java.util.Arrays.copyOf(roundStatus, n);
        roundSystemNanos = java.util.Arrays.copyOf(roundSystemNanos, n);
    }

    private void keep() {
        reportedStatus = status.getInt(0);
        reportedSystemNanos = systemNanosOf(rusage);
    }

    private static long systemNanosOf(Memory rusage) {
        return rusage == null ? 0 : rusage.getLong(RU_STIME_SEC) * 1_000_000_000L + rusage.getLong(RU_STIME_USEC) * 1_000L;
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
            int reported = waitOnce(pid, options | WNOHANG);
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

    /** The wait status of the last report returned. */
    int status() {
        return reportedStatus;
    }

    /** The reported process's system CPU time at the last report returned, in nanoseconds (microsecond resolution); 0 when not measured. */
    long systemNanos() {
        return reportedSystemNanos;
    }

    /** The errno of the last failed wait. */
    int errno() {
        return errno;
    }
}
