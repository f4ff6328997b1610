package dev.renacer.output;

import dev.renacer.stats.SortOrder;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.renacer.testing.Events.call;
import static org.assertj.core.api.Assertions.assertThat;

class CsvSinkTest {
    private static final int READ = SyscallTable.number("read"), WRITE = SyscallTable.number("write"),
            OPENAT = SyscallTable.number("openat");
    private final Capture out = new Capture();

    @Test
    void quotesFieldsAsRfc4180SaysAndEveryRowHasEveryColumn() {
        CsvSink sink = new CsvSink(out.channel, true, true, null, SortOrder.TIME);
        String nasty = "3, \"a \"\"quoted\"\", comma\"\nnewline";
        sink.onSyscall(call(100, WRITE, nasty, 5, "5", 0, 1_234));
        sink.onSyscall(call(100, OPENAT, "AT_FDCWD, \"/x\", O_RDONLY", -2, "-1 ENOENT (No such file or directory)", 1, 10));
        sink.onSignal(100, 100, 17, "{si_signo=SIGCHLD, si_code=CLD_EXITED}");
        sink.onProcessExit(100, 7, 0, false);
        sink.onProcessExit(101, 0, 9, false);
        sink.onFinish();

        String text = out.text();
        assertThat(text).startsWith(CsvSink.EVENT_HEADER + "\r\n");
        List<List<String>> rows = Csv.parse(text);
        int columns = CsvSink.EVENT_HEADER.split(",").length;
        assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r).hasSize(columns));
        List<String> header = rows.get(0);
        List<String> write = rows.get(1);
        assertThat(write.get(header.indexOf("arguments"))).isEqualTo(nasty);
        assertThat(write.get(header.indexOf("name"))).isEqualTo("write");
        assertThat(write.get(header.indexOf("duration_ns"))).isEqualTo("1234");
        assertThat(write.get(header.indexOf("arg5"))).isEqualTo("6");
        List<String> open = rows.get(2);
        assertThat(open.get(header.indexOf("errno"))).isEqualTo("ENOENT");
        assertThat(open.get(header.indexOf("return_value"))).isEqualTo("-2");
        assertThat(rows.get(3).get(0)).isEqualTo("signal");
        assertThat(rows.get(3).get(header.indexOf("arguments"))).isEqualTo("{si_signo=SIGCHLD, si_code=CLD_EXITED}");
        assertThat(rows.get(4).get(header.indexOf("return_value"))).isEqualTo("7");
        assertThat(rows.get(4).get(header.indexOf("result"))).isEqualTo("exited with 7");
        assertThat(rows.get(5).get(header.indexOf("number"))).isEqualTo("9");
    }

    @Test
    void dashCapitalCAppendsTheSummaryAfterAnEmptyLine() {
        SyscallStats stats = new SyscallStats(true);
        CsvSink sink = new CsvSink(out.channel, true, false, stats, SortOrder.TIME);
        for (int i = 0; i < 3; i++) {
            var e = call(1, READ, "", 1, "1", i, 1000);
            stats.onSyscall(e);
            sink.onSyscall(e);
        }
        sink.onFinish();
        String[] sections = out.text().split("\r\n\r\n");
        assertThat(sections).hasSize(2);
        List<List<String>> summary = Csv.parse(sections[1]);
        assertThat(summary.get(0)).contains("calls", "errors", "p99_ns", "outliers");
        assertThat(summary).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(summary.get(0).size()));
        assertThat(summary.get(1).get(summary.get(0).indexOf("calls"))).isEqualTo("3");
        assertThat(summary.get(2).get(0)).isEqualTo("total");
    }
}
