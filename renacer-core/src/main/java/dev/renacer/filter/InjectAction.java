package dev.renacer.filter;

/**
 * What -e inject= (or -e fault=) does to the calls of one syscall, strace's struct inject_opts: on which
 * calls ({@code when=}), and the tampering: the call replaced (by -1, so it fails with ENOSYS, or by a
 * harmless syscall), its result set, a signal sent, the task held before or after the call.
 *
 * @param first              the first call tampered with (1-based, per task)
 * @param last               the last one, or {@link #LAST_INFINITE}
 * @param step               every how many calls after the first; 0: the first only
 * @param errno              error=: the errno the call returns (its number is set to -1 at entry), or 0
 * @param retval             retval=: the value the call returns instead (valid when {@code setsRetval})
 * @param setsRetval         retval= was given
 * @param signal             signal=: the signal sent to the task at the call's entry, or 0
 * @param delayEnterNanos    delay_enter=: how long the task is held at the entry, or -1
 * @param delayExitNanos     delay_exit=: how long the task is held after the call, or -1
 * @param replacementSyscall syscall=: the (pure) syscall run instead, or -1 for none
 */
public record InjectAction(int first, int last, int step, int errno, long retval, boolean setsRetval, int signal,
                           long delayEnterNanos, long delayExitNanos, int replacementSyscall) {
    /** strace's INJECT_LAST_INF. */
    public static final int LAST_INFINITE = 0xffff;

    /** The call's number is rewritten at entry and its result at exit. */
    public boolean tampersWithResult() {
        return errno > 0 || setsRetval;
    }

    public boolean delays() {
        return delayEnterNanos >= 0 || delayExitNanos >= 0;
    }
}
