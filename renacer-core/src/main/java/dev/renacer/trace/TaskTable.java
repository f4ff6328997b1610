package dev.renacer.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * tid -> Task, open addressing over an int key array. Looked up on every ptrace stop, so it must not
 * box: a HashMap&lt;Integer, Task&gt; allocates an Integer for every tid above 127, i.e. every real tid.
 */
final class TaskTable {
    private int[] keys = new int[16];
    private Task[] values = new Task[16];
    private int size;

    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    Task get(int tid) {
        int mask = keys.length - 1;
        for (int i = mix(tid) & mask; ; i = (i + 1) & mask) {
            Task t = values[i];
            if (t == null) return null;
            if (keys[i] == tid) return t;
        }
    }

    void put(int tid, Task task) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = mix(tid) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = tid;
                values[i] = task;
                size++;
                return;
            }
            if (keys[i] == tid) {
                values[i] = task;
                return;
            }
        }
    }

    Task remove(int tid) {
        int mask = keys.length - 1;
        for (int i = mix(tid) & mask; ; i = (i + 1) & mask) {
            Task t = values[i];
            if (t == null) return null;
            if (keys[i] == tid) {
                values[i] = null;
                size--;
                reinsertAfter(i);
                return t;
            }
        }
    }

    List<Task> snapshot() {
        List<Task> all = new ArrayList<>(size);
        for (Task t : values) if (t != null) all.add(t);
        return all;
    }

    private void reinsertAfter(int hole) {
        int mask = keys.length - 1;
        for (int i = (hole + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            Task t = values[i];
            int k = keys[i];
            values[i] = null;
            size--;
            put(k, t);
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        Task[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Task[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] != null) put(oldKeys[i], oldValues[i]);
    }

    private static int mix(int x) {
        x *= 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
