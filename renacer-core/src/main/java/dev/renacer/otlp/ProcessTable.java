package dev.renacer.otlp;

/**
 * Live processes by pid: an open-addressing table with int keys, because a {@code Map<Integer, ...>}
 * would box the pid of every syscall (pids above 127 are not cached by Integer.valueOf).
 * Tracer thread only.
 */
final class ProcessTable {
    private int[] keys = new int[64];
    private ProcessSpan[] values = new ProcessSpan[64];
    private int size;
    private int lastPid = -1;
    private ProcessSpan last;

    ProcessSpan get(int pid) {
        if (pid == lastPid) return last;
        int mask = keys.length - 1;
        for (int i = mix(pid) & mask; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == pid) {
                lastPid = pid;
                last = values[i];
                return last;
            }
        }
        return null;
    }

    void put(ProcessSpan span) {
        if ((size + 1) * 2 > keys.length) grow();
        if (insert(keys, values, span)) size++;
        lastPid = -1;
    }

    ProcessSpan remove(int pid) {
        int mask = keys.length - 1;
        int i = mix(pid) & mask;
        while (values[i] != null && keys[i] != pid) i = (i + 1) & mask;
        ProcessSpan removed = values[i];
        if (removed == null) return null;
        values[i] = null;
        size--;
        // re-insert the rest of the cluster so lookups never stop at the hole
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            ProcessSpan moved = values[j];
            values[j] = null;
            insert(keys, values, moved);
        }
        lastPid = -1;
        last = null;
        return removed;
    }

    /** The live processes, for the spans still open when the trace ends. */
    java.util.List<ProcessSpan> all() {
        java.util.List<ProcessSpan> out = new java.util.ArrayList<>(size);
        for (ProcessSpan v : values) if (v != null) out.add(v);
        return out;
    }

    private void grow() {
        int[] newKeys = new int[keys.length * 2];
        ProcessSpan[] newValues = new ProcessSpan[values.length * 2];
        for (ProcessSpan v : values) if (v != null) insert(newKeys, newValues, v);
        keys = newKeys;
        values = newValues;
    }

    private static boolean insert(int[] keys, ProcessSpan[] values, ProcessSpan span) {
        int mask = keys.length - 1;
        int i = mix(span.pid) & mask;
        while (values[i] != null) {
            if (keys[i] == span.pid) {
                values[i] = span;
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = span.pid;
        values[i] = span;
        return true;
    }

    private static int mix(int pid) {
        return pid * 0x9E3779B9 >>> 7 ^ pid;
    }
}
