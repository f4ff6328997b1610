package dev.renacer.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Tasks held stopped for -e inject=...:delay_enter= / delay_exit=, each until its time is up, while the
 * others go on being traced (strace's delay timer). The loop polls for stops without blocking while a
 * task is held, waking at least every {@link #POLL_NANOS} to restart the tasks whose time is up.
 * Holding and releasing allocate nothing once the list has grown to the tasks held at one time.
 */
final class Delays {
    /** Longest sleep between looks for stops while a task is held. */
    static final long POLL_NANOS = 1_000_000;

    private final List<Task> held = new ArrayList<>();

    boolean holding() {
        return !held.isEmpty();
    }

    /** Keeps {@code task} stopped for {@code nanos}, then restarts it with {@code signal}. */
    void hold(Task task, long nanos, int signal) {
        task.heldUntil = System.nanoTime() + nanos;
        task.heldSignal = signal;
        held.add(task);
    }

    /** Restarts the tasks whose time is up. */
    void releaseDue() {
        long now = System.nanoTime();
        for (int i = held.size() - 1; i >= 0; i--) {
            Task t = held.get(i);
            if (now - t.heldUntil >= 0) {
                held.remove(i);
                t.restart(t.heldSignal);
            }
        }
    }

    /** Restarts every held task now (a detach is starting). */
    void releaseAll() {
        for (int i = 0; i < held.size(); i++) held.get(i).restart(held.get(i).heldSignal);
        held.clear();
    }

    /** The task is gone: nothing to restart. */
    void forget(Task task) {
        for (int i = held.size() - 1; i >= 0; i--) if (held.get(i) == task) held.remove(i);
    }

    /** Sleeps until the next release is due, or {@link #POLL_NANOS} at most. */
    void pause() {
        long now = System.nanoTime();
        long next = POLL_NANOS;
        for (int i = 0; i < held.size(); i++) next = Math.min(next, held.get(i).heldUntil - now);
        if (next > 0) LockSupport.parkNanos(next);
    }
}
