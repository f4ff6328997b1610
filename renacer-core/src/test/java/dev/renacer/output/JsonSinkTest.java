package dev.renacer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.stats.SortOrder;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.renacer.testing.Events.call;
import static dev.renacer.testing.Events.noReturn;
import static org.assertj.core.api.Assertions.assertThat;

class JsonSinkTest {
    private static final int READ = SyscallTable.number("read"), GETPID = SyscallTable.number("getpid"),
            OPENAT = SyscallTable.number("openat"), EXIT_GROUP = SyscallTable.number("exit_group");
    private final Capture out = new Capture();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesOneDocumentWithEveryKindOfEvent() throws Exception {
        JsonSink sink = new JsonSink(out.channel, List.of("ls", "-l"), true, true, null, SortOrder.TIME);
        sink.onSyscall(call(100, OPENAT, "AT_FDCWD, \"/etc/\\\"q\\\",x\", O_RDONLY", -2,
                "-1 ENOENT (No such file or directory)", 0, 12_345));
        sink.onSyscall(call(100, READ, "3, \"\\n\", 1", 1, "1", 20, 500));
        sink.onSignal(100, 100, 17, "{si_signo=SIGCHLD}");
        sink.onSyscall(noReturn(100, EXIT_GROUP, "0", 30));
        sink.onProcessExit(100, 3, 0, false);
        sink.onProcessExit(101, 0, 11, true);
        sink.onFinish();

        JsonNode doc = mapper.readTree(out.text());
        assertThat(doc.get("format").asText()).isEqualTo("renacer-trace");
        assertThat(doc.get("command")).extracting(JsonNode::asText).containsExactly("ls", "-l");
        JsonNode events = doc.get("events");
        assertThat(events).hasSize(6);
        JsonNode open = events.get(0);
        assertThat(open.get("type").asText()).isEqualTo("syscall");
        assertThat(open.get("pid").asInt()).isEqualTo(100);
        assertThat(open.get("syscall").asText()).isEqualTo("openat");
        assertThat(open.get("number").asInt()).isEqualTo(OPENAT);
        assertThat(open.get("arguments").asText()).isEqualTo("AT_FDCWD, \"/etc/\\\"q\\\",x\", O_RDONLY");
        assertThat(open.get("raw_arguments")).extracting(JsonNode::asLong).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(open.get("return_value").asLong()).isEqualTo(-2);
        assertThat(open.get("result").asText()).isEqualTo("-1 ENOENT (No such file or directory)");
        assertThat(open.get("errno").asText()).isEqualTo("ENOENT");
        assertThat(open.get("duration_ns").asLong()).isEqualTo(12_345);
        assertThat(open.get("timestamp_ns").asLong()).isEqualTo(Events.EPOCH);
        assertThat(events.get(1).get("errno").isNull()).isTrue();
        assertThat(events.get(2).get("type").asText()).isEqualTo("signal");
        assertThat(events.get(2).get("signal_number").asInt()).isEqualTo(17);
        assertThat(events.get(2).get("siginfo").asText()).isEqualTo("{si_signo=SIGCHLD}");
        assertThat(events.get(3).get("returned").asBoolean()).isFalse();
        assertThat(events.get(3).get("return_value").isNull()).isTrue();
        assertThat(events.get(3).get("result").asText()).isEqualTo("?");
        assertThat(events.get(4).get("type").asText()).isEqualTo("exit");
        assertThat(events.get(4).get("exit_code").asInt()).isEqualTo(3);
        assertThat(events.get(5).get("type").asText()).isEqualTo("killed");
        assertThat(events.get(5).get("core_dumped").asBoolean()).isTrue();
        assertThat(doc.has("summary")).isFalse();
        assertThat(out.text().lines().count()).as("one event per line").isGreaterThanOrEqualTo(7);
    }

    @Test
    void withoutDashCapitalTThereIsNoDuration() throws Exception {
        JsonSink sink = new JsonSink(out.channel, List.of("x"), true, false, null, SortOrder.TIME);
        sink.onSyscall(call(1, GETPID, "", 1, "1", 0, 10));
        sink.onFinish();
        assertThat(mapper.readTree(out.text()).get("events").get(0).has("duration_ns")).isFalse();
    }

    @Test
    void dashCGivesTheSummaryAloneWithExtendedStatisticsWhenAsked() throws Exception {
        SyscallStats stats = new SyscallStats(true);
        JsonSink sink = new JsonSink(out.channel, List.of("x"), false, false, stats, SortOrder.CALLS);
        for (int i = 1; i <= 4; i++) {
            var e = call(1, READ, "", 1, "1", i, i * 1000L);
            stats.onSyscall(e);
            sink.onSyscall(e);
        }
        var failed = call(1, OPENAT, "", -2, "-1 ENOENT (No such file or directory)", 9, 50_000);
        stats.onSyscall(failed);
        sink.onSyscall(failed);
        sink.onFinish();
        JsonNode doc = mapper.readTree(out.text());
        assertThat(doc.get("events")).isEmpty();
        JsonNode summary = doc.get("summary");
        assertThat(summary.get("time").asText()).as("the stats count wall time, as -w").isEqualTo("wall");
        assertThat(summary.get("calls").asLong()).isEqualTo(5);
        assertThat(summary.get("errors").asLong()).isEqualTo(1);
        assertThat(summary.get("total_ns").asLong()).isEqualTo(60_000);
        JsonNode first = summary.get("syscalls").get(0);
        assertThat(first.get("number").asInt()).as("sorted by calls").isEqualTo(READ);
        assertThat(first.get("calls").asLong()).isEqualTo(4);
        assertThat(first.get("latency").get("p50_ns").asLong()).isEqualTo(2000);
        assertThat(first.get("latency").get("max_ns").asLong()).isEqualTo(4000);
        assertThat(summary.get("syscalls").get(1).get("errors").asLong()).isEqualTo(1);
    }

    @Test
    void theSummarySaysItsTimesAreSystemTimeWithoutDashW() throws Exception {
        SyscallStats stats = new SyscallStats(false, false);
        JsonSink sink = new JsonSink(out.channel, List.of("x"), false, false, stats, SortOrder.CALLS);
        sink.onFinish();
        assertThat(mapper.readTree(out.text()).get("summary").get("time").asText()).isEqualTo("system");
    }
}
