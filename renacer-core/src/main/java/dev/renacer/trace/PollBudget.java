package dev.renacer.trace;

/**
 * How long the tracer polls for the next stop before it sleeps in waitpid ({@link Waiter}; README, Waiting for
 * stops). Adaptive two ways, so that a tracee that sleeps costs next to nothing:
 * <ul>
 *   <li>each poll that ends in sleeping halves the next one's budget (down to 1/64 of it), each that finds a stop
 *   restores it: a tracee whose own code runs long between calls stops being polled for;</li>
 *   <li>per syscall number, a score of the polls made while the restarted task was inside that call that ended in
 *   sleeping (each +2, each that found a stop -1, 0 to {@link #SLEEPY_MAX}): a call learned to sleep (nanosleep,
 *   epoll_wait, a read of an empty pipe) is not polled for after its entry, but for one probe in
 *   {@link #PROBE_EVERY}. Without it a tracee that alternates a sleeping call and fast ones (a server's epoll_wait,
 *   read, write) had its budget restored at each fast stop and paid a whole poll at each sleep.</li>
 * </ul>
 * Pure bookkeeping, no system call: the tracer thread's only.
 */
final class PollBudget {
    static final int SYSCALL_NUMBERS = 1024;
    static final int SLEEPY_MAX = 16, SLEEPY_SKIP = 4, PROBE_EVERY = 16;
    private static final int MAX_MISSES = 6;
    private static final long FLOOR_NANOS = 1_000;

    private final long pollNanos;
    /** Polls in a row that ended in sleeping: the next budget is {@code pollNanos >> misses}. */
    private int misses;
    private final byte[] sleepy = new byte[SYSCALL_NUMBERS];
    /** The syscall the last restarted task is inside, or -1: it went back to its own code. */
    private int inCall = -1;
    /** The call the poll under way was decided for (see {@link #inCall}). */
    private int polledCall = -1;
    private int probes;

    /** @param pollNanos the longest poll, 0 for none */
    PollBudget(long pollNanos) {
        this.pollNanos = pollNanos;
    }

    /** The task the tracer restarted last now runs inside syscall {@code number}, or (-1) in its own code. */
    void restarted(int number) {
        inCall = number >= 0 && number < SYSCALL_NUMBERS ? number : -1;
    }

    /** How long the next wait may poll before it sleeps, in ns; 0: sleep at once. Begins a poll when not 0. */
    long next() {
        if (pollNanos <= 0) return 0;
        int call = inCall;
        if (call >= 0 && sleepy[call] >= SLEEPY_SKIP && ++probes % PROBE_EVERY != 0) return 0;
        long budget = pollNanos >> misses;
        if (budget < FLOOR_NANOS) {
            misses = Math.max(0, misses - 1); // probe again, a little more, next time: a tracee's pace changes
            return 0;
        }
        polledCall = call;
        return budget;
    }

    /** The poll {@link #next} began found a stop. */
    void found() {
        misses = 0;
        if (polledCall >= 0 && sleepy[polledCall] > 0) sleepy[polledCall]--;
    }

    /** The poll {@link #next} began found nothing: the wait sleeps. */
    void slept() {
        if (misses < MAX_MISSES) misses++;
        if (polledCall >= 0) sleepy[polledCall] = (byte) Math.min(SLEEPY_MAX, sleepy[polledCall] + 2);
    }
}
