package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntrySnapshotsTest {

    @Test
    void remembersOneValuePerTaskUntilTaken() {
        EntrySnapshots snapshots = new EntrySnapshots();
        snapshots.put(100, 28);
        snapshots.put(101, 16);
        snapshots.put(100, 30); // the same task's next call replaces its value
        assertThat(snapshots.take(100)).isEqualTo(30);
        assertThat(snapshots.take(100)).isEqualTo(EntrySnapshots.NONE);
        assertThat(snapshots.take(101)).isEqualTo(16);
        assertThat(snapshots.take(999)).isEqualTo(EntrySnapshots.NONE);
    }

    @Test
    void manyTasksInFlightKeepTheirValues() {
        EntrySnapshots snapshots = new EntrySnapshots();
        for (int tid = 1; tid <= 500; tid++) snapshots.put(tid * 7919, tid);
        int kept = 0;
        for (int tid = 1; tid <= 500; tid++) if (snapshots.take(tid * 7919) == tid) kept++;
        assertThat(kept).isEqualTo(500);
    }
}
