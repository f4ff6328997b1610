package dev.renacer.bench;

import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.OtlpProtoEncoder;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.otlp.SpanRecord;
import dev.renacer.otlp.StringCache;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one 512-span batch of pooled records into OTLP, per span: the exporter thread's work
 * between the queue and the socket, with fresh span ids each time. {@code protobufDirect} is
 * renacer's own encoder (the default for plain-http OTLP); {@code protobufReusable} is the
 * OpenTelemetry exporter's low-allocation marshaler (MemoryMode.REUSABLE_DATA, after the records'
 * Strings are made), {@code protobufImmutable} its default-mode marshaler; {@code json} is the
 * --otlp-file encoding. These numbers are the measured reason for the direct encoder. Run with
 * -prof gc to see bytes per span.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EncodeBenchmark {
    static final int BATCH = 512;
    private final List<SpanData> batch = new ArrayList<>(BATCH);
    private final LowAllocationTraceRequestMarshaler marshaler = new LowAllocationTraceRequestMarshaler();
    private final OtlpProtoEncoder direct = new OtlpProtoEncoder();
    private final StringCache strings = new StringCache();
    private final SpanIds ids = new SpanIds(7);
    private final String traceId = ids.newTraceIdHex();
    private final String parentId = SpanIds.toHex(ids.nextSpanId(), 16);
    private final CountingSink sink = new CountingSink();

    /** Encoded size, reported beside the time. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Size {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() {
        SpanPool pool = new SpanPool(BATCH);
        SpanNames names = new SpanNames();
        Workload workload = new Workload();
        SyscallEvent e = new SyscallEvent();
        Resource resource = OtlpExport.resource("bench");
        for (int i = 0; i < BATCH; i++) {
            workload.next(e);
            SpanRecord r = pool.acquire().origin(resource, OtlpExport.SCOPE);
            r.fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                    e.entryEpochNanos + e.durationNanos(), names);
            batch.add(r);
        }
    }

    private void freshIds() {
        for (int i = 0; i < BATCH; i++) {
            SpanRecord r = (SpanRecord) batch.get(i);
            r.identify(traceId, ids.nextSpanId(), parentId, false).prepareForExport(strings);
        }
    }

    /** renacer's own encoder (the default for plain-http OTLP): reads the records, makes no Strings. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long protobufDirect() {
        for (int i = 0; i < BATCH; i++) {
            ((SpanRecord) batch.get(i)).identify(traceId, ids.nextSpanId(), parentId, false);
        }
        direct.encode(batch);
        return direct.length();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long protobufReusable(Size size) throws IOException {
        freshIds();
        marshaler.initialize(batch);
        try {
            sink.count = 0;
            marshaler.writeBinaryTo(sink);
            size.bytes += sink.count;
            return sink.count;
        } finally {
            marshaler.reset();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long protobufImmutable() throws IOException {
        freshIds();
        sink.count = 0;
        TraceRequestMarshaler.create(batch).writeBinaryTo(sink);
        return sink.count;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long json() throws IOException {
        freshIds();
        sink.count = 0;
        TraceRequestMarshaler.create(batch).writeJsonTo(sink);
        return sink.count;
    }

    /** Counts bytes and drops them: the benchmark measures encoding, not copying. */
    static final class CountingSink extends OutputStream {
        long count;
        @Override public void write(int b) { count++; }
        @Override public void write(byte[] b, int off, int len) { count += len; }
        @Override public void close() {}
    }
}
