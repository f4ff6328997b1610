package dev.renacer.bench;

import dev.renacer.otlp.BatchExporter;
import dev.renacer.otlp.BatchSettings;
import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.OtlpSettings;
import dev.renacer.otlp.OtlpTraceListener;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
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

/**
 * End-to-end export throughput, in spans per second acknowledged by a loopback OTLP/HTTP receiver:
 * {@code renacer} feeds syscall events to the real listener (pool, queue, batching exporter, and
 * either renacer's direct OTLP/HTTP writer or the OpenTelemetry OTLP/HTTP exporter);
 * {@code sdkBatchSpanProcessor} makes the same spans with the OpenTelemetry SDK and its
 * BatchSpanProcessor in front of the OpenTelemetry exporter, to the same receiver (its result does
 * not depend on the {@code exporter} parameter). Each
 * invocation sends 100 full batches and waits until all are acknowledged; the producer paces itself
 * to the queue so nothing is dropped (the measured rate is what the export sustains). Goals: at least
 * 1,000,000 spans/s and at least twice the SDK path; -prof gc gives bytes per span for all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ExportBenchmark {
    static final int BATCH = 512;
    static final int QUEUE = 8192;
    static final int SPANS = 100 * BATCH;
    private static final AttributeKey<String> NAME = AttributeKey.stringKey("syscall.name");
    private static final AttributeKey<Long> NUMBER = AttributeKey.longKey("syscall.number");
    private static final AttributeKey<String> ARGS = AttributeKey.stringKey("syscall.args");
    private static final AttributeKey<String> RESULT = AttributeKey.stringKey("syscall.result");
    private static final AttributeKey<String> ERRNO = AttributeKey.stringKey("syscall.errno");
    private static final AttributeKey<Long> TID = AttributeKey.longKey("thread.id");

    /** Export requests on the wire at once (renacer's default is BatchExporter.DEFAULT_MAX_IN_FLIGHT). */
    @Param({"2"})
    public int inFlight;

    /** renacer's path: {@code direct} (its own writer, the default) or {@code opentelemetry} (--otlp-sdk-exporter). */
    @Param({"direct", "opentelemetry"})
    public String exporter;

    private LoopbackReceiver receiver;
    private final Workload workload = new Workload();
    private final SyscallEvent event = new SyscallEvent();

    // renacer
    private BatchExporter batcher;
    private OtlpTraceListener listener;

    // SDK
    private SdkTracerProvider provider;
    private Tracer tracer;
    private Context parent;
    private final AtomicLong sdkExported = new AtomicLong();
    private long sdkStarted;
    private final SpanNames names = new SpanNames();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        receiver = new LoopbackReceiver();
        BatchSettings settings = new BatchSettings(BATCH, Duration.ofMillis(200), QUEUE, Duration.ofSeconds(10), 1024);
        SpanPool pool = new SpanPool(settings.poolCapacity());
        batcher = new BatchExporter(exporter(exporter.equals("opentelemetry")), pool, settings, () -> null, inFlight);
        listener = new OtlpTraceListener(batcher, pool, OtlpExport.resource("bench"), OtlpExport.SCOPE, new SpanIds(1),
                null, Duration.ofSeconds(10), s -> {});
        listener.onProcessStart(Workload.process(1_764_000_000_000_000_000L));

        SpanExporter counting = new CountingExporter(exporter(true), sdkExported);
        provider = SdkTracerProvider.builder().setResource(OtlpExport.resource("bench"))
                .addSpanProcessor(BatchSpanProcessor.builder(counting).setMaxExportBatchSize(BATCH)
                        .setMaxQueueSize(QUEUE).setScheduleDelay(Duration.ofMillis(200))
                        .setExporterTimeout(Duration.ofSeconds(10)).build())
                .build();
        tracer = provider.get("dev.renacer");
        SpanIds ids = new SpanIds(2);
        parent = Context.root().with(Span.wrap(SpanContext.create(ids.newTraceIdHex(), SpanIds.toHex(ids.nextSpanId(), 16),
                TraceFlags.getSampled(), TraceState.getDefault())));
    }

    /** The exporter renacer builds for --otlp-endpoint (OTLP/HTTP protobuf); the SDK path always gets the OpenTelemetry one. */
    private SpanExporter exporter(boolean openTelemetry) {
        return OtlpExport.spanExporter(OtlpSettings.builder().endpoint(receiver.url()).sdkExporter(openTelemetry)
                .requestTimeout(Duration.ofSeconds(10)).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        listener.onFinish();
        provider.close();
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public long renacer() {
        for (int i = 0; i < SPANS; i++) {
            if ((i & 63) == 0) paceTo(batcher.offeredSoFar(), batcher::exportedSoFar);
            listener.onSyscall(workload.next(event));
        }
        waitFor(batcher.offeredSoFar(), batcher::exportedSoFar);
        if (batcher.droppedQueueFull() != 0) throw new IllegalStateException("dropped: pacing failed");
        return batcher.exportedSoFar();
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public long sdkBatchSpanProcessor() {
        for (int i = 0; i < SPANS; i++) {
            if ((i & 63) == 0) paceTo(sdkStarted, sdkExported::get);
            SyscallEvent e = workload.next(event);
            var builder = tracer.spanBuilder(names.spanName(e.number)).setParent(parent)
                    .setStartTimestamp(e.entryEpochNanos, TimeUnit.NANOSECONDS)
                    .setAttribute(NAME, names.syscallName(e.number))
                    .setAttribute(NUMBER, (long) e.number)
                    .setAttribute(ARGS, e.arguments.toString())
                    .setAttribute(RESULT, e.result.toString());
            if (e.failed()) builder.setAttribute(ERRNO, "ENOENT");
            Span span = builder.setAttribute(TID, (long) e.tid).startSpan();
            if (e.failed()) span.setStatus(StatusCode.ERROR, "ENOENT");
            span.end(e.entryEpochNanos + e.durationNanos(), TimeUnit.NANOSECONDS);
            sdkStarted++;
        }
        waitFor(sdkStarted, sdkExported::get);
        return sdkExported.get();
    }

    /** Keeps the backlog under the queue size minus two batches, so the queue never overflows. */
    private static void paceTo(long offered, LongSupplier exported) {
        while (offered - exported.getAsLong() > QUEUE - 2 * BATCH) LockSupport.parkNanos(20_000);
    }

    private static void waitFor(long offered, LongSupplier exported) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (exported.getAsLong() < offered) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("export stalled at " + exported.getAsLong() + "/" + offered);
            LockSupport.parkNanos(20_000);
        }
    }

    /** Counts the spans of acknowledged requests, so the SDK path is measured to the same finish line. */
    static final class CountingExporter implements SpanExporter {
        private final SpanExporter delegate;
        private final AtomicLong exported;

        CountingExporter(SpanExporter delegate, AtomicLong exported) {
            this.delegate = delegate;
            this.exported = exported;
        }

        @Override public CompletableResultCode export(Collection<SpanData> spans) {
            int n = spans.size();
            CompletableResultCode result = delegate.export(spans);
            result.whenComplete(() -> { if (result.isSuccess()) exported.addAndGet(n); });
            return result;
        }
        @Override public CompletableResultCode flush() { return delegate.flush(); }
        @Override public CompletableResultCode shutdown() { return delegate.shutdown(); }
    }
}
