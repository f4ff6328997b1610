package dev.renacer.bench;

import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.otlp.SpanRecord;
import dev.renacer.otlp.StringCache;
import dev.renacer.trace.SyscallEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Heap retained by a pool of 10,000 span records that have each carried a typical syscall span
 * (buffers grown, strings made for export), measured as used heap after full GCs, before and after.
 * Goal: under 5 MB, i.e. under ~500 bytes a record. The time column is meaningless here; read the
 * retainedBytes and bytesPerSpan counters.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1) // the counters add up over iterations: one iteration reads directly
@Fork(1)
@State(Scope.Thread)
public class RetainedMemoryBenchmark {
    static final int SPANS = 10_000;

    /** false: records as the direct writer keeps them; true: with the Strings the OpenTelemetry exporter needs. */
    @Param({"false", "true"})
    public boolean strings;

    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Retained {
        public long retainedBytes;
        public long bytesPerSpan;
    }

    @Benchmark
    public void pooledSpans(Retained out, Blackhole bh) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        SpanPool pool = new SpanPool(SPANS);
        SpanNames names = new SpanNames();
        StringCache cache = new StringCache();
        SpanIds ids = new SpanIds(3);
        String trace = ids.newTraceIdHex();
        Workload workload = new Workload();
        SyscallEvent e = new SyscallEvent();
        SpanRecord[] held = new SpanRecord[SPANS];
        for (int i = 0; i < SPANS; i++) {
            workload.next(e);
            held[i] = pool.acquire().identify(trace, ids.nextSpanId(), null, false)
                    .origin(OtlpExport.resource("bench"), OtlpExport.SCOPE)
                    .fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                            e.entryEpochNanos + e.durationNanos(), names);
            if (this.strings) held[i].prepareForExport(cache); // Strings held while a batch is in flight
        }
        long after = usedAfterGc(memory);
        out.retainedBytes = after - before;
        out.bytesPerSpan = (after - before) / SPANS;
        bh.consume(held);
        bh.consume(pool);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
