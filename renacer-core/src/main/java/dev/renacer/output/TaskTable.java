package dev.renacer.output;

import org.agrona.collections.Int2IntHashMap;

import java.util.Arrays;

/**
 * The tasks the text sink has seen alive, with what it must remember per task between a call's entry
 * and its exit. tid -> slot is Agrona's {@link Int2IntHashMap} (no boxing); a slot indexes parallel
 * arrays, and the slot of a task that is gone is reused by the next new one. Looking up and updating
 * a task allocates nothing; the arrays grow (allocating) only when more tasks are alive at once than
 * ever before.
 */
final class TaskTable {
    private static final int NO_SLOT = -1;
    private static final int FREE = 0; // tid 0 is never a traced task

    private final Int2IntHashMap slots = new Int2IntHashMap(NO_SLOT);
    private int[] tids = new int[16];
    private int[] pids = new int[16];
    /** Length of {@code arguments} when the entry was printed, or -1 when no call is pending. */
    private int[] entryLengths = new int[16];
    private boolean[] unfinished = new boolean[16];
    /** Syscall number of the pending call, meaningful while entryLengths[slot] >= 0. */
    private int[] pendingNumbers = new int[16];
    /** Slots ever handed out; those of tasks that are gone are FREE in {@code tids}. */
    private int used;

    /** Slot of {@code tid}, adding the task if it is new. */
    int slot(int tid, int pid) {
        int slot = slots.get(tid);
        if (slot != NO_SLOT) return slot;
        slot = freeSlot();
        slots.put(tid, slot);
        tids[slot] = tid;
        pids[slot] = pid;
        entryLengths[slot] = -1;
        unfinished[slot] = false;
        return slot;
    }

    /** Number of tasks alive (seen and not yet gone). */
    int live() { return slots.size(); }

    int pid(int slot) { return pids[slot]; }
    int entryLength(int slot) { return entryLengths[slot]; }
    void entryLength(int slot, int length) { entryLengths[slot] = length; }
    int pendingNumber(int slot) { return pendingNumbers[slot]; }
    void pendingNumber(int slot, int number) { pendingNumbers[slot] = number; }
    boolean unfinished(int slot) { return unfinished[slot]; }
    void unfinished(int slot, boolean value) { unfinished[slot] = value; }

    /** Task {@code from} is now known as {@code to}, whose own entry is dropped (a thread that exec'd takes its leader's tid). */
    void rename(int from, int to) {
        remove(to);
        int slot = slots.remove(from);
        if (slot == NO_SLOT) return;
        slots.put(to, slot);
        tids[slot] = to;
    }

    /** The task ended (its thread exited). */
    void remove(int tid) {
        int slot = slots.remove(tid);
        if (slot != NO_SLOT) tids[slot] = FREE;
    }

    /** The thread group ended: every task of it is gone. */
    void removeProcess(int pid) {
        for (int slot = 0; slot < used; slot++) {
            if (tids[slot] != FREE && pids[slot] == pid) {
                slots.remove(tids[slot]);
                tids[slot] = FREE;
            }
        }
    }

    private int freeSlot() {
        for (int slot = 0; slot < used; slot++) if (tids[slot] == FREE) return slot;
        if (used == tids.length) grow();
        return used++;
    }

    private void grow() {
        int capacity = tids.length * 2;
        tids = Arrays.copyOf(tids, capacity);
        pids = Arrays.copyOf(pids, capacity);
        entryLengths = Arrays.copyOf(entryLengths, capacity);
        unfinished = Arrays.copyOf(unfinished, capacity);
        pendingNumbers = Arrays.copyOf(pendingNumbers, capacity);
    }
}
