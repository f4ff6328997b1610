package dev.renacer.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text sink's per-task memory: a task keeps its slot while alive, and a gone task's state is gone. */
class TaskTableTest {

    @Test
    void eachLiveTaskKeepsItsOwnStateThroughGrowth() {
        TaskTable table = new TaskTable();
        for (int tid = 1000; tid < 1100; tid++) table.entryLength(table.slot(tid, 1000), tid);
        assertThat(table.live()).isEqualTo(100);
        for (int tid = 1000; tid < 1100; tid++) assertThat(table.entryLength(table.slot(tid, 1000))).isEqualTo(tid);
        assertThat(table.live()).as("looking a task up does not add it again").isEqualTo(100);
    }

    @Test
    void aTaskThatEndedComesBackWithoutItsPendingCall() {
        TaskTable table = new TaskTable();
        int slot = table.slot(42, 42);
        assertThat(table.entryLength(slot)).as("a new task has no pending call").isEqualTo(-1);
        table.entryLength(slot, 17);
        table.unfinished(slot, true);
        table.slot(43, 42);
        table.remove(42);
        assertThat(table.live()).isEqualTo(1);
        int again = table.slot(42, 42); // tids are reused by the kernel
        assertThat(table.entryLength(again)).isEqualTo(-1);
        assertThat(table.unfinished(again)).isFalse();
    }

    @Test
    void theEndOfAProcessEndsAllItsThreadsAndNoOtherTask() {
        TaskTable table = new TaskTable();
        table.slot(10, 10);
        table.slot(11, 10);
        table.slot(12, 10);
        table.entryLength(table.slot(20, 20), 5);
        table.removeProcess(10);
        assertThat(table.live()).isEqualTo(1);
        assertThat(table.entryLength(table.slot(20, 20))).isEqualTo(5);
        assertThat(table.live()).isEqualTo(1);
    }
}
