package dev.renacer.filter;

import dev.renacer.syscall.SyscallTable;

import java.util.Arrays;

/**
 * -e inject= and -e fault= compiled: per syscall number, the {@link InjectAction} (a later -e inject
 * for the same syscall replaces an earlier one, as in strace). Each injected syscall has a slot of its
 * own, since strace counts the calls of each syscall, in each task, apart: a task keeps its counters
 * per slot ({@link #counters}).
 */
public final class InjectTable {
    private static final InjectTable EMPTY = new InjectTable(new int[0], new InjectAction[0]);

    private final int[] slotByNumber;
    /** The action of each slot; several slots share one when a set names several syscalls. */
    private final InjectAction[] actions;

    private InjectTable(int[] slotByNumber, InjectAction[] actions) {
        this.slotByNumber = slotByNumber;
        this.actions = actions;
    }

    public static InjectTable empty() { return EMPTY; }

    public boolean isEmpty() { return actions.length == 0; }

    /** The slot of a syscall's action, or -1 when its calls are left alone. Hot path: an array read. */
    public int slot(int number) {
        return number >= 0 && number < slotByNumber.length ? slotByNumber[number] : -1;
    }

    public InjectAction action(int slot) { return actions[slot]; }

    /** A task's fresh counters: per slot, the calls left until the next tampering and until the last. */
    public int[] counters() {
        int[] counters = new int[2 * actions.length];
        for (int s = 0; s < actions.length; s++) {
            counters[2 * s] = actions[s].first();
            counters[2 * s + 1] = actions[s].last();
        }
        return counters;
    }

    /**
     * Counts one call of {@code slot} in a task's {@code counters} and says whether it is tampered with
     * (strace's tamper_with_syscall_entering). Allocates nothing.
     */
    public boolean fires(int slot, int[] counters) {
        int next = 2 * slot, last = next + 1;
        if (counters[next] == 0 || counters[last] == 0) return false;
        if (counters[last] != InjectAction.LAST_INFINITE) counters[last]--;
        counters[next]--;
        if (counters[next] != 0) return false;
        counters[next] = actions[slot].step();
        return true;
    }

    /** This table with {@code action} for every syscall {@code selected} traces. */
    InjectTable with(TraceFilter selected, InjectAction action) {
        InjectAction[] byNumber = new InjectAction[SyscallTable.size()];
        for (int n = 0; n < byNumber.length; n++) {
            int s = slot(n);
            if (s >= 0) byNumber[n] = actions[s];
            if (SyscallTable.known(n) && selected.traces(n)) byNumber[n] = action;
        }
        int[] slots = new int[byNumber.length];
        Arrays.fill(slots, -1);
        InjectAction[] list = new InjectAction[byNumber.length];
        int used = 0;
        for (int n = 0; n < byNumber.length; n++) {
            if (byNumber[n] == null) continue;
            slots[n] = used;
            list[used++] = byNumber[n];
        }
        return new InjectTable(slots, Arrays.copyOf(list, used));
    }
}
