package dev.renacer.bench.suites;

import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
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

/**
 * The anchor of otlp_export: the same syscall spans made with the OpenTelemetry SDK and sent by its
 * BatchSpanProcessor through the OpenTelemetry OTLP/HTTP exporter to the same receiver, counted when
 * the receiver acknowledged them.
 */
final class SdkExport implements AutoCloseable {
    static final AttributeKey<String> NAME = AttributeKey.stringKey("syscall.name");
    static final AttributeKey<Long> NUMBER = AttributeKey.longKey("syscall.number");
    static final AttributeKey<String> ARGS = AttributeKey.stringKey("syscall.args");
    static final AttributeKey<String> RESULT = AttributeKey.stringKey("syscall.result");
    static final AttributeKey<String> ERRNO = AttributeKey.stringKey("syscall.errno");
    static final AttributeKey<Long> TID = AttributeKey.longKey("thread.id");

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final Context parent;
    private final AtomicLong exported = new AtomicLong();
    private final SpanNames names = new SpanNames();
    private final Workload workload = new Workload();
    private final SyscallEvent event = new SyscallEvent();
    private final int batch;
    private final int queue;
    private long started;

    SdkExport(String receiverUrl, int batch) {
        this.batch = batch;
        this.queue = Math.max(8192, 4 * batch);
        SpanExporter counting = new CountingExporter(RenacerExport.exporter(receiverUrl, true), exported);
        provider = SdkTracerProvider.builder().setResource(OtlpExport.resource("bench"))
                .addSpanProcessor(BatchSpanProcessor.builder(counting).setMaxExportBatchSize(batch)
                        .setMaxQueueSize(queue).setScheduleDelay(Duration.ofMillis(200))
                        .setExporterTimeout(Duration.ofSeconds(10)).build())
                .build();
        tracer = provider.get("dev.renacer");
        SpanIds ids = new SpanIds(2);
        parent = Context.root().with(Span.wrap(SpanContext.create(ids.newTraceIdHex(), SpanIds.toHex(ids.nextSpanId(), 16),
                TraceFlags.getSampled(), TraceState.getDefault())));
    }

    /** Makes and ends {@code spans} SDK spans, paced to the processor's queue, and waits for their acknowledgement. */
    long exportPaced(int spans) {
        for (int i = 0; i < spans; i++) {
            if ((i & 63) == 0) RenacerExport.paceTo(started, exported::get, queue - 2 * batch);
            span(workload.next(event));
            started++;
        }
        RenacerExport.waitFor(started, exported::get);
        return exported.get();
    }

    /** One SDK span for a syscall: start, six attributes, end. */
    Span span(SyscallEvent e) {
        return span(tracer, names, parent, e);
    }

    static Span span(Tracer tracer, SpanNames names, Context parent, SyscallEvent e) {
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
        return span;
    }

    @Override
    public void close() {
        provider.close();
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
