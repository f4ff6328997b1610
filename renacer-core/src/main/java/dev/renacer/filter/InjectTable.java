package dev.renacer.filter;

import dev.renacer.syscall.SyscallTable;

import java.util.Arrays;

/**
 * -e inject= and -e fault= compiled: per syscall number, the {@link InjectAction} (a later -e inject
 * for the same syscall replaces an earlier one, as in strace). Each action has a slot; a task keeps its
 * own counters per slot ({@link #counters}), since strace counts calls per task.
 */
public final class InjectTable {
    private static final InjectTable EMPTY = new InjectTable(new int[0], new InjectAction[0]);

    private final int[] slotByNumber;
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
        int[] slots = slotByNumber.length == 0 ? filled(SyscallTable.size()) : slotByNumber.clone();
        InjectAction[] list = Arrays.copyOf(actions, actions.length + 1);
        int newSlot = actions.length;
        list[newSlot] = action;
        boolean any = false;
        for (int n = 0; n < slots.length; n++) {
            if (SyscallTable.known(n) && selected.traces(n)) {
                slots[n] = newSlot;
                any = true;
            }
        }
        return any ? compact(slots, list) : this;
    }

    private static int[] filled(int size) {
        int[] a = new int[size];
        Arrays.fill(a, -1);
        return a;
    }

    /** Drops actions no syscall uses any more, renumbering the slots. */
    private static InjectTable compact(int[] slots, InjectAction[] list) {
        int[] renumber = filled(list.length);
        int used = 0;
        for (int n = 0; n < slots.length; n++) {
            int s = slots[n];
            if (s >= 0 && renumber[s] < 0) renumber[s] = used++;
        }
        InjectAction[] kept = new InjectAction[used];
        for (int s = 0; s < list.length; s++) if (renumber[s] >= 0) kept[renumber[s]] = list[s];
        for (int n = 0; n < slots.length; n++) if (slots[n] >= 0) slots[n] = renumber[slots[n]];
        return new InjectTable(slots, kept);
    }
}
