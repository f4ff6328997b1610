package dev.renacer.stats;

import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest {
    private static final int READ = SyscallTable.number("read"), WRITE = SyscallTable.number("write"), OPENAT = SyscallTable.number("openat"),
            MMAP = SyscallTable.number("mmap"), EXIT_GROUP = SyscallTable.number("exit_group");

    private static String n(int number) {
        return SyscallTable.name(number);
    }

    @Test
    void printsStracesTableWithItsColumnWidthsAndBlankZeroErrors() {
        SyscallStats stats = new SyscallStats(false);
        for (int i = 0; i < 10; i++) stats.record(OPENAT, 12_300, i == 0);   // 123 µs in 10 calls, 1 error
        for (int i = 0; i < 33; i++) stats.record(READ, i < 32 ? 4_000 : 21_000, false);   // 149 µs in 33 calls
        String table = SummaryTable.format(stats.summary(), SortOrder.TIME);
        String name = "-".repeat(Math.max(16, Math.max(n(READ).length(), n(OPENAT).length()) + 1));
        assertThat(table).isEqualTo(
                "% time     seconds  usecs/call     calls    errors syscall\n"
                + "------ ----------- ----------- --------- --------- " + name + "\n"
                + " 54.78    0.000149           4        33           " + n(READ) + "\n"
                + " 45.22    0.000123          12        10         1 " + n(OPENAT) + "\n"
                + "------ ----------- ----------- --------- --------- " + name + "\n"
                + "100.00    0.000272           6        43         1 total\n");
    }

    @Test
    void columnsWidenForLargeValuesAsStraceDoes() {
        SyscallStats stats = new SyscallStats(false);
        for (int i = 0; i < 1_234_567_890 / 100_000_000; i++) stats.record(WRITE, 1_500_000_000_000L, true);
        String table = SummaryTable.format(stats.summary(), SortOrder.TIME);
        // 12 calls of 1500 s: 18000.000000 seconds is 12 characters, one more than strace's minimum of 11
        assertThat(table.lines().toList().get(2)).isEqualTo("100.00 18000.000000  1500000000        12        12 " + n(WRITE));
        assertThat(table.lines().toList().get(1)).startsWith("------ ------------ ----------- ");
    }

    @Test
    void sortsByEachOrderOfDashS() {
        SyscallStats stats = new SyscallStats(false);
        stats.record(READ, 10, false);
        stats.record(READ, 10, false);
        stats.record(READ, 10, false);
        stats.record(WRITE, 1_000, true);
        stats.record(MMAP, 500, false);
        stats.record(MMAP, 500, true);
        Summary s = stats.summary();
        assertThat(s.sorted(SortOrder.TIME)).extracting(SummaryRow::number).containsExactly(WRITE, MMAP, READ);
        assertThat(s.sorted(SortOrder.CALLS)).extracting(SummaryRow::number).containsExactly(READ, MMAP, WRITE);
        assertThat(s.sorted(SortOrder.ERRORS)).extracting(SummaryRow::number).containsExactly(WRITE, MMAP, READ);
        assertThat(s.sorted(SortOrder.NAME)).extracting(SummaryRow::name)
                .isSortedAccordingTo(String::compareTo).hasSize(3);
        assertThat(SortOrder.parse("calls")).isEqualTo(SortOrder.CALLS);
        assertThat(SortOrder.parse("count")).isEqualTo(SortOrder.CALLS);
        assertThat(SortOrder.parse("syscall")).isEqualTo(SortOrder.NAME);
        assertThat(SortOrder.parse("bogus")).isNull();
    }

    @Test
    void callsThatNeverReturnAreNotCounted() {
        SyscallStats stats = new SyscallStats(false);
        dev.renacer.trace.SyscallEvent e = new dev.renacer.trace.SyscallEvent();
        e.number = EXIT_GROUP;
        e.returned = false;
        stats.onSyscall(e);
        e.number = READ;
        e.returned = true;
        e.returnValue = -9;
        e.entryNanos = 100;
        e.exitNanos = 350;
        stats.onSyscall(e);
        assertThat(stats.summary().rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(READ);
            assertThat(r.errors()).isEqualTo(1);
            assertThat(r.totalNanos()).isEqualTo(250);
        });
    }

    @Test
    void extendedStatisticsAddASecondTable() {
        SyscallStats stats = new SyscallStats(true);
        for (int i = 1; i <= 100; i++) stats.record(READ, i * 1_000L, false);
        String table = SummaryTable.format(stats.summary(), SortOrder.TIME);
        assertThat(table).contains("p50").contains("p99").contains("outliers");
        String row = table.lines().filter(l -> l.endsWith(" " + n(READ)) && l.contains("50.")).findFirst().orElseThrow();
        // min 1 µs, mean 50.5 µs, max 100 µs, p50 = 50 µs (to the histogram's 0.1%)
        assertThat(row.trim().split("\\s+")).startsWith("1.000", "50.500", "100.000");
    }
}
