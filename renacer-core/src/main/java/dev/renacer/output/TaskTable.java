package dev.renacer.output;

import java.util.Arrays;

/**
 * The tasks the text sink has seen alive, keyed by tid, with what it must remember per task between
 * a call's entry and its exit. An open-addressing table of parallel int arrays: looking up and
 * updating a task on every event allocates nothing (a {@code HashMap<Integer, ...>} would box).
 * It grows (allocating) only when a new task appears and the table is more than half full.
 */
final class TaskTable {
    private static final int EMPTY = 0;   // tid 0 is never a traced task
    private static final int REMOVED = -1;

    private int[] tids = new int[64];
    private int[] pids = new int[64];
    /** Length of {@code arguments} when the entry was printed, or -1 when no call is pending. */
    private int[] entryLengths = new int[64];
    private boolean[] unfinished = new boolean[64];
    /** Syscall number of the pending call, meaningful while entryLengths[slot] >= 0. */
    private int[] pendingNumbers = new int[64];
    private int live;
    private int used;

    /** Slot of {@code tid}, adding the task if it is new. */
    int slot(int tid, int pid) {
        int mask = tids.length - 1;
        int i = mix(tid) & mask;
        int firstRemoved = -1;
        while (tids[i] != EMPTY) {
            if (tids[i] == tid) return i;
            if (tids[i] == REMOVED && firstRemoved < 0) firstRemoved = i;
            i = (i + 1) & mask;
        }
        if (firstRemoved < 0 && (used + 1) * 2 > tids.length) {
            grow();
            return slot(tid, pid);
        }
        if (firstRemoved >= 0) i = firstRemoved; else used++;
        tids[i] = tid;
        pids[i] = pid;
        entryLengths[i] = -1;
        unfinished[i] = false;
        live++;
        return i;
    }

    /** Number of tasks alive (seen and not yet gone). */
    int live() { return live; }

    int entryLength(int slot) { return entryLengths[slot]; }
    void entryLength(int slot, int length) { entryLengths[slot] = length; }
    int pendingNumber(int slot) { return pendingNumbers[slot]; }
    void pendingNumber(int slot, int number) { pendingNumbers[slot] = number; }
    boolean unfinished(int slot) { return unfinished[slot]; }
    void unfinished(int slot, boolean value) { unfinished[slot] = value; }

    /** The task ended (its thread exited). */
    void remove(int tid) {
        int mask = tids.length - 1;
        int i = mix(tid) & mask;
        while (tids[i] != EMPTY) {
            if (tids[i] == tid) {
                tids[i] = REMOVED;
                live--;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** The thread group ended: every task of it is gone. */
    void removeProcess(int pid) {
        for (int i = 0; i < tids.length; i++) {
            if (tids[i] != EMPTY && tids[i] != REMOVED && pids[i] == pid) {
                tids[i] = REMOVED;
                live--;
            }
        }
    }

    private void grow() {
        int[] oldTids = tids, oldPids = pids, oldLengths = entryLengths, oldNumbers = pendingNumbers;
        boolean[] oldUnfinished = unfinished;
        int capacity = Math.max(64, Integer.highestOneBit(Math.max(live, 1)) * 4);
        tids = new int[capacity];
        pids = new int[capacity];
        entryLengths = new int[capacity];
        Arrays.fill(entryLengths, -1);
        pendingNumbers = new int[capacity];
        unfinished = new boolean[capacity];
        live = 0;
        used = 0;
        for (int i = 0; i < oldTids.length; i++) {
            if (oldTids[i] != EMPTY && oldTids[i] != REMOVED) {
                int s = slot(oldTids[i], oldPids[i]);
                entryLengths[s] = oldLengths[i];
                pendingNumbers[s] = oldNumbers[i];
                unfinished[s] = oldUnfinished[i];
            }
        }
    }

    private static int mix(int tid) {
        int h = tid * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
