package dev.renacer.output;

import dev.renacer.stats.SortOrder;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.testing.Events;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sinks keep the tracer's promise that a traced syscall allocates nothing: each format, with
 * every per-line option on, writes 200,000 events (two tasks interleaving, so unfinished/resumed
 * lines too) and the JVM's per-thread allocation counter must not move by more than noise.
 */
class SinkAllocationTest {
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "csv", "stats"})
    void writingAnEventAllocatesNothing(String format) throws Exception {
        OutputChannel channel = new OutputChannel(DISCARD, "null", System.err, false);
        SyscallStats stats = new SyscallStats(true);
        TraceListener sink = switch (format) {
            case "text" -> new TextSink(channel, new Timestamps(2, true, TimeZone.getDefault()), true, false, true);
            case "json" -> new JsonSink(channel, List.of("x"), true, true, null, SortOrder.TIME);
            case "csv" -> new CsvSink(channel, true, true, null, SortOrder.TIME);
            default -> new TraceListener() {};
        };
        TraceListener listener = new CompositeListener(List.of(stats, sink));
        listener.onProcessStart(new ProcessInfo(100, 0, "/x", List.of("x"), "x", 0, false));
        listener.onProcessStart(new ProcessInfo(101, 100, "/x", List.of("x"), "x", 0, false));
        SyscallEvent a = Events.entry(100, SyscallTable.number("read"), "3", 0);
        SyscallEvent b = Events.entry(101, SyscallTable.number("openat"), "AT_FDCWD, \"/etc/a \\\"file\\\", with commas\"", 0);

        run(listener, a, b, 50_000);   // warm up: JIT, buffers and histograms reach their sizes
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int events = 200_000;
        run(listener, a, b, events / 2);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        channel.close();

        assertThat((double) allocated / events).as(format + ": bytes allocated per event").isLessThan(1.0);
    }

    /** Per round: a's entry, b's whole call (interrupting a), a's exit; durations vary up to ~1 ms. */
    private static void run(TraceListener l, SyscallEvent a, SyscallEvent b, int rounds) {
        for (int i = 0; i < rounds; i++) {
            long t = i * 1_000L;
            a.entryNanos = Events.MONO + t;
            a.entryEpochNanos = Events.EPOCH + t;
            a.arguments.setLength(1);
            l.onSyscallEntry(a);
            b.entryNanos = a.entryNanos + 10;
            b.exitNanos = b.entryNanos + 100 + (i * 7919L) % 1_000_000;
            b.returned = true;
            b.returnValue = (i & 1) == 0 ? 3 : -2;
            b.result.setLength(0);
            if ((i & 1) == 0) b.result.append('3'); else b.result.append("-1 ENOENT (No such file or directory)");
            l.onSyscallEntry(b);
            l.onSyscall(b);
            a.arguments.append(", \"data\", 4096");
            a.exitNanos = a.entryNanos + 500 + i % 1000;
            a.returned = true;
            a.returnValue = 4;
            a.result.setLength(0);
            a.result.append('4');
            l.onSyscall(a);
        }
    }
}
