package dev.renacer.syscall;

/**
 * One value per task remembered from a call's entry stop until its exit stop, for in/out arguments
 * strace shows as {@code [28 => 16]}: a task has one call in flight, so the task id is the key. Open
 * addressing over fixed arrays, so remembering allocates nothing; when full, the oldest slot in the
 * probe run is reused (its call then prints as if unchanged).
 */
final class EntrySnapshots {
    static final long NONE = Long.MIN_VALUE;
    private static final int CAPACITY = 1024; // a power of two, more tasks than a trace usually has in flight
    private static final int PROBES = 8;

    private final int[] tids = new int[CAPACITY];
    private final long[] values = new long[CAPACITY];
    private final boolean[] used = new boolean[CAPACITY];

    void put(int tid, long value) {
        int slot = slot(tid);
        for (int p = 0; p < PROBES; p++) {
            int s = (slot + p) & (CAPACITY - 1);
            if (!used[s] || tids[s] == tid) {
                store(s, tid, value);
                return;
            }
        }
        store(slot, tid, value);
    }

    /** The value remembered for {@code tid}, forgotten as it is returned; {@link #NONE} when there is none. */
    long take(int tid) {
        int slot = slot(tid);
        for (int p = 0; p < PROBES; p++) {
            int s = (slot + p) & (CAPACITY - 1);
            if (used[s] && tids[s] == tid) {
                used[s] = false;
                return values[s];
            }
        }
        return NONE;
    }

    private void store(int s, int tid, long value) {
        tids[s] = tid;
        values[s] = value;
        used[s] = true;
    }

    private static int slot(int tid) {
        return (tid * 0x9E3779B9) >>> 22; // Fibonacci hashing onto 10 bits
    }
}
