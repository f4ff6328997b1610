package dev.renacer.bench.suites;

import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.OtlpProtoEncoder;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.otlp.SpanRecord;
import dev.renacer.otlp.StringCache;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Suite otlp_export: spans per second (ops/s = spans/s), from the tracer thread's hand-off to a real
 * OTLP/HTTP receiver on loopback that acknowledges every request. renacer's path is the real
 * OtlpTraceListener, pool, queue, batching exporter and its direct OTLP/HTTP writer; the anchor in
 * the same run is the OpenTelemetry SDK's BatchSpanProcessor and OTLP exporter with the same spans
 * ({@code pipeline=sdk}). Run with {@code -prof gc} for bytes per span.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class otlp_export {
    static final int REALISTIC_SPANS = 10_000;
    static final int REALISTIC_BATCH = 512;
    static final int BATCH_EXPORT_SPANS = 8192;
    static final int INDIVIDUAL_SPANS = 512;
    static final int COMPARED_SPANS = 1024;

    /** The receiver, and renacer's pipeline configured for the running benchmark (one table, {@link #configOf}). */
    @State(Scope.Benchmark)
    public static class Pipeline {
        LoopbackReceiver receiver;
        RenacerExport renacer;
        SdkExport sdk;

        @Setup(Level.Trial)
        public void start(BenchmarkParams params) throws IOException {
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            int batch = switch (method) {
                case "individual_export" -> 1;
                case "batch_export" -> Integer.parseInt(params.getParam("batchSize"));
                case "batch_vs_individual" -> params.getParam("export").equals("individual") ? 1 : REALISTIC_BATCH;
                default -> REALISTIC_BATCH;
            };
            // queue_saturation: a collector that holds each request 20 ms, far slower than the producer
            receiver = new LoopbackReceiver(method.equals("queue_saturation") ? 20_000 : 0);
            String pipeline = params.getParam("pipeline");
            if ("sdk".equals(pipeline)) sdk = new SdkExport(receiver.url(), batch);
            else renacer = new RenacerExport(receiver.url(), batch, "renacer_otel_exporter".equals(pipeline));
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (renacer != null) renacer.close();
            if (sdk != null) sdk.close();
            receiver.close();
        }
    }

    /** Which exporter realistic_workload runs: renacer's direct writer, renacer with the OpenTelemetry exporter, or the SDK. */
    @State(Scope.Benchmark)
    public static class PipelineChoice {
        @Param({"renacer", "renacer_otel_exporter", "sdk"})
        public String pipeline;
    }

    @State(Scope.Benchmark)
    public static class BatchSize {
        @Param({"16", "32", "64", "128", "256", "512", "1024", "2048"})
        public int batchSize;
    }

    @State(Scope.Benchmark)
    public static class ExportChoice {
        @Param({"individual", "batch"})
        public String export;
    }

    /** What a saturated queue did in the iteration: spans dropped, spans the receiver acknowledged, the longest offer. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Saturation {
        public long dropped;
        public long exported;
        public long worstOfferNanos;

        @Setup(Level.Iteration)
        public void reset() {
            dropped = exported = worstOfferNanos = 0;
        }
    }

    /** One export request per span (batch size 1): what batching saves. */
    @Benchmark
    @OperationsPerInvocation(INDIVIDUAL_SPANS)
    public long individual_export(Pipeline p) {
        return p.renacer.exportPaced(INDIVIDUAL_SPANS);
    }

    /** 8192 spans per invocation at each batch size: where batching stops paying. */
    @Benchmark
    @OperationsPerInvocation(BATCH_EXPORT_SPANS)
    public long batch_export(BatchSize size, Pipeline p) {
        return p.renacer.exportPaced(BATCH_EXPORT_SPANS);
    }

    /** 10K spans at batch 512 end to end (the original's realistic workload), beside the SDK's BatchSpanProcessor. */
    @Benchmark
    @OperationsPerInvocation(REALISTIC_SPANS)
    public long realistic_workload(PipelineChoice choice, Pipeline p) {
        return p.sdk != null ? p.sdk.exportPaced(REALISTIC_SPANS) : p.renacer.exportPaced(REALISTIC_SPANS);
    }

    /**
     * A producer far faster than the receiver (20 ms per request): the rate the tracer thread keeps
     * offering at, never blocked; drops are counted (Saturation), the longest single offer recorded.
     */
    @Benchmark
    @OperationsPerInvocation(REALISTIC_SPANS)
    public long queue_saturation(Pipeline p, Saturation s) {
        long dropped = p.renacer.dropped();
        long exported = p.renacer.exported();
        long offered = p.renacer.offerUnpaced(REALISTIC_SPANS);
        s.dropped += p.renacer.dropped() - dropped;
        s.exported += p.renacer.exported() - exported;
        s.worstOfferNanos = Math.max(s.worstOfferNanos, p.renacer.takeWorstOfferNanos());
        return offered;
    }

    /** The same 1024 spans sent one request each and in batches of 512, side by side. */
    @Benchmark
    @OperationsPerInvocation(COMPARED_SPANS)
    public long batch_vs_individual(ExportChoice choice, Pipeline p) {
        return p.renacer.exportPaced(COMPARED_SPANS);
    }

    /** Making one span on the tracer thread: renacer fills a pooled record, the SDK builds and ends a span. */
    @State(Scope.Thread)
    public static class Creation {
        @Param({"renacer_pool", "sdk"})
        public String maker;

        final SpanNames names = new SpanNames();
        final Workload workload = new Workload();
        final SyscallEvent event = new SyscallEvent();
        SpanPool pool;
        SdkTracerProvider provider;
        Tracer tracer;

        @Setup(Level.Trial)
        public void setUp() {
            pool = new SpanPool(1024);
            provider = SdkTracerProvider.builder().setResource(OtlpExport.resource("bench")).build();
            tracer = provider.get("dev.renacer");
            names.spanName(0); // the syscall and errno tables load here, not in the first measured call
            names.errnoName(2);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            provider.close();
        }
    }

    /** One span from a syscall event, no export: a pooled record filled and released, or an SDK span with no processor. */
    @Benchmark
    public Object span_creation(Creation c) {
        SyscallEvent e = c.workload.next(c.event);
        if (c.maker.equals("sdk")) return SdkExport.span(c.tracer, c.names, Context.root(), e);
        SpanRecord r = c.pool.acquire().fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                e.entryEpochNanos + e.durationNanos(), c.names);
        c.pool.release(r);
        return r;
    }

    /** 512 pooled records with fresh span ids, ready to encode (built once, in setup). */
    @State(Scope.Thread)
    public static class EncodeBatch {
        @Param({"direct", "otel_reusable", "otel_immutable", "json"})
        public String encoder;

        final List<SpanData> batch = new ArrayList<>(REALISTIC_BATCH);
        final LowAllocationTraceRequestMarshaler marshaler = new LowAllocationTraceRequestMarshaler();
        final OtlpProtoEncoder direct = new OtlpProtoEncoder();
        final StringCache strings = new StringCache();
        final SpanIds ids = new SpanIds(7);
        final String traceId = ids.newTraceIdHex();
        final String parentId = SpanIds.toHex(ids.nextSpanId(), 16);
        final CountingSink sink = new CountingSink();

        @Setup(Level.Trial)
        public void setUp() {
            SpanPool pool = new SpanPool(REALISTIC_BATCH);
            SpanNames names = new SpanNames();
            Workload workload = new Workload();
            SyscallEvent e = new SyscallEvent();
            Resource resource = OtlpExport.resource("bench");
            for (int i = 0; i < REALISTIC_BATCH; i++) {
                workload.next(e);
                batch.add(pool.acquire().origin(resource, OtlpExport.SCOPE).fillSyscall(e.tid, e.pid, e.number, e.arguments,
                        e.result, e.errno(), e.entryEpochNanos, e.entryEpochNanos + e.durationNanos(), names));
            }
        }

        /** New span ids per encoding, as every batch has; the OpenTelemetry encoders need the records' Strings. */
        void freshIds(boolean strings) {
            for (int i = 0; i < REALISTIC_BATCH; i++) {
                SpanRecord r = (SpanRecord) batch.get(i);
                r.identify(traceId, ids.nextSpanId(), parentId, false);
                if (strings) r.prepareForExport(this.strings);
            }
        }
    }

    /**
     * Encoding one 512-span batch into an OTLP request (real protobuf, or OTLP/JSON for the file
     * output), per span: the exporter thread's work between the queue and the socket. {@code direct}
     * is renacer's own encoder (the default for plain-http OTLP); the others are the OpenTelemetry
     * exporter's marshalers, the measured reason for the direct encoder.
     */
    @Benchmark
    @OperationsPerInvocation(REALISTIC_BATCH)
    public long span_serialization(EncodeBatch b) throws IOException {
        b.sink.count = 0;
        switch (b.encoder) {
            case "direct" -> {
                b.freshIds(false);
                b.direct.encode(b.batch);
                return b.direct.length();
            }
            case "otel_reusable" -> {
                b.freshIds(true);
                b.marshaler.initialize(b.batch);
                try {
                    b.marshaler.writeBinaryTo(b.sink);
                } finally {
                    b.marshaler.reset();
                }
            }
            case "otel_immutable" -> {
                b.freshIds(true);
                TraceRequestMarshaler.create(b.batch).writeBinaryTo(b.sink);
            }
            default -> {
                b.freshIds(true);
                TraceRequestMarshaler.create(b.batch).writeJsonTo(b.sink);
            }
        }
        return b.sink.count;
    }

    /** A full pool cycle of a sent batch, per span: 512 records acquired and filled, batched, released in one operation. */
    @State(Scope.Thread)
    public static class Buffers {
        final SpanPool pool = new SpanPool(REALISTIC_BATCH);
        final SpanNames names = new SpanNames();
        final Workload workload = new Workload();
        final SyscallEvent event = new SyscallEvent();
        final ArrayList<SpanData> batch = new ArrayList<>(REALISTIC_BATCH);

        @Setup(Level.Trial)
        public void warmTables() {
            names.spanName(0);
            names.errnoName(2);
        }
    }

    /**
     * The buffers between the tracer and the exporter thread: records taken from the pool into a
     * reused batch list, then given back all at once after the send, as BatchExporter does.
     */
    @Benchmark
    @OperationsPerInvocation(REALISTIC_BATCH)
    public int buffer_management(Buffers b) {
        for (int i = 0; i < REALISTIC_BATCH; i++) {
            SyscallEvent e = b.workload.next(b.event);
            b.batch.add(b.pool.acquire().fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(),
                    e.entryEpochNanos, e.entryEpochNanos + e.durationNanos(), b.names));
        }
        int n = b.batch.size();
        b.pool.releaseAll(b.batch);
        b.batch.clear();
        return n;
    }

    /** The real tracer on syscall_heavy 2000 (~12,000 syscalls), without a sink and exporting every syscall. */
    @State(Scope.Benchmark)
    public static class TracedRun {
        @Param({"none", "otlp"})
        public String sink;

        LoopbackReceiver receiver;
        List<String> command;
        final java.io.PrintStream quiet = new java.io.PrintStream(OutputStream.nullOutputStream());

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            command = dev.renacer.bench.fixtures.Fixture.SYSCALL_HEAVY.command(2000);
            receiver = new LoopbackReceiver();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            receiver.close();
        }
    }

    /**
     * The promise that export does not slow the traced program: a whole traced run (ms/op) with no
     * sink and with every syscall exported as a span to the loopback receiver; the difference is
     * what export costs the tracee. Setting up the exporter is part of the run, as in the CLI.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int traced_export(TracedRun t) throws Exception {
        dev.renacer.trace.TraceListener listener = t.sink.equals("otlp")
                ? OtlpExport.start(dev.renacer.otlp.OtlpSettings.builder().endpoint(t.receiver.url()).build(), t.quiet)
                : new dev.renacer.trace.TraceListener() {};
        int status = dev.renacer.trace.Tracer.builder().followForks(true).listener(listener).diagnostics(t.quiet).build()
                .launch(t.command).exitStatus();
        if (listener instanceof dev.renacer.otlp.OtlpTraceListener otlp && otlp.summary().dropped() != 0) {
            throw new IllegalStateException("dropped spans: " + otlp.summary().line(null));
        }
        return status;
    }

    /** Counts bytes and drops them: span_serialization measures encoding, not copying. */
    static final class CountingSink extends OutputStream {
        long count;
        @Override public void write(int b) { count++; }
        @Override public void write(byte[] b, int off, int len) { count += len; }
        @Override public void close() {}
    }
}
