package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The OTLP listener keeps the tracer's promise: turning a syscall into a queued span allocates
 * nothing on the tracer thread (the JVM's per-thread allocation counter, 200,000 calls after warm-up,
 * records cycling through the pool and an exporter thread that takes them).
 */
class TracerPathAllocationTest {

    @Test
    void aSyscallSpanAllocatesNothingOnTheTracerThread() throws Exception {
        AtomicLong exported = new AtomicLong();
        SpanExporter sink = new SpanExporter() {
            @Override public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAndGet(spans.size());
                return CompletableResultCode.ofSuccess();
            }
            @Override public CompletableResultCode flush() { return CompletableResultCode.ofSuccess(); }
            @Override public CompletableResultCode shutdown() { return CompletableResultCode.ofSuccess(); }
        };
        // more records than can ever be outstanding (the loop below keeps at most ~3000 unacknowledged):
        // a pool that grows because the exporter thread was starved would count its new records here
        SpanPool pool = new SpanPool(4096);
        BatchSettings settings = new BatchSettings(256, Duration.ofMillis(1), 4096, Duration.ofSeconds(1), 4096);
        BatchExporter batcher = new BatchExporter(sink, pool, settings);
        OtlpTraceListener listener = new OtlpTraceListener(batcher, pool, OtlpExport.resource("t"), OtlpExport.SCOPE,
                new SpanIds(5), null, Duration.ofSeconds(5), s -> {});
        listener.onProcessStart(new ProcessInfo(4242, 0, "/x", List.of("x"), "x", 0, false));
        listener.onProcessStart(new ProcessInfo(4243, 4242, "/x", List.of("x"), "x", 0, false));
        SyscallEvent e = new SyscallEvent();

        run(listener, batcher, e, 100_000); // warm-up: JIT, buffers and the pool reach their sizes
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int calls = 200_000;
        run(listener, batcher, e, calls);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        listener.onFinish();

        assertThat((double) allocated / calls).as("bytes allocated per syscall on the tracer thread").isLessThan(1.0);
        assertThat(listener.summary().dropped()).isZero();
        assertThat(exported.get()).isEqualTo(300_000 + 2);
        assertThat(pool.stats().hitRate()).isGreaterThan(0.99);
    }

    private static void run(OtlpTraceListener listener, BatchExporter batcher, SyscallEvent e, int calls) {
        for (int i = 0; i < calls; i++) {
            // stay under the queue size so that no span is dropped (the drop path allocates nothing either)
            while (batcher.offeredSoFar() - batcher.exportedSoFar() > 3000) Thread.onSpinWait();
            e.pid = (i & 1) == 0 ? 4242 : 4243;
            e.tid = e.pid;
            e.number = i % 300; // a spread over the table, whichever calls those are
            e.arguments.setLength(0);
            e.arguments.append("AT_FDCWD, \"/etc/file\", O_RDONLY, ").append(i);
            e.result.setLength(0);
            boolean fail = i % 5 == 0;
            e.returned = true;
            e.returnValue = fail ? -2 : 3;
            if (fail) e.result.append("-1 ENOENT (No such file or directory)"); else e.result.append('3');
            e.entryNanos = i * 1000L;
            e.exitNanos = e.entryNanos + 100;
            e.entryEpochNanos = 1_700_000_000_000_000_000L + e.entryNanos;
            listener.onSyscall(e);
        }
    }
}
