package dev.renacer.bench.suites;

import dev.renacer.otlp.BatchExporter;
import dev.renacer.otlp.BatchSettings;
import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.OtlpSettings;
import dev.renacer.otlp.OtlpTraceListener;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * renacer's export path as the tracer thread drives it: syscall events into the real
 * OtlpTraceListener (pool, queue, batching exporter) and out through renacer's direct OTLP/HTTP
 * writer or the OpenTelemetry OTLP exporter ({@code --otlp-sdk-exporter}) to a loopback receiver.
 */
final class RenacerExport implements AutoCloseable {
    private final BatchExporter batcher;
    private final OtlpTraceListener listener;
    private final int batch;
    private final int queue;
    private final Workload workload = new Workload();
    private final SyscallEvent event = new SyscallEvent();
    private long worstOfferNanos;

    RenacerExport(String receiverUrl, int batch, boolean openTelemetryExporter) {
        this.batch = batch;
        this.queue = Math.max(8192, 4 * batch);
        BatchSettings settings = new BatchSettings(batch, Duration.ofMillis(200), queue, Duration.ofSeconds(10), Math.max(1024, batch));
        SpanPool pool = new SpanPool(settings.poolCapacity());
        batcher = new BatchExporter(exporter(receiverUrl, openTelemetryExporter), pool, settings, () -> null,
                BatchExporter.DEFAULT_MAX_IN_FLIGHT);
        listener = new OtlpTraceListener(batcher, pool, OtlpExport.resource("bench"), OtlpExport.SCOPE, new SpanIds(1),
                null, Duration.ofSeconds(10), s -> {});
        listener.onProcessStart(Workload.process(1_764_000_000_000_000_000L));
        SpanNames tables = new SpanNames(); // the syscall and errno tables load here, not in the first measured span
        tables.spanName(0);
        tables.errnoName(2);
    }

    /** The exporter renacer builds for --otlp-endpoint (OTLP/HTTP protobuf), or with --otlp-sdk-exporter. */
    static SpanExporter exporter(String receiverUrl, boolean openTelemetry) {
        return OtlpExport.spanExporter(OtlpSettings.builder().endpoint(receiverUrl).sdkExporter(openTelemetry)
                .batch(BatchSettings.defaults().withExportTimeout(Duration.ofSeconds(10))).build());
    }

    /**
     * Offers {@code spans} syscall spans, pacing to the queue so that nothing is dropped, and waits
     * until the receiver acknowledged all of them: the sustained export rate.
     */
    long exportPaced(int spans) {
        for (int i = 0; i < spans; i++) {
            if ((i & 63) == 0) paceTo(batcher.offeredSoFar(), batcher::exportedSoFar, queue - 2 * batch);
            listener.onSyscall(workload.next(event));
        }
        waitFor(batcher.offeredSoFar(), batcher::exportedSoFar);
        if (batcher.droppedQueueFull() != 0) throw new IllegalStateException("dropped: pacing failed");
        return batcher.exportedSoFar();
    }

    /** Offers {@code spans} as fast as the tracer thread can, never waiting: drops are counted, not avoided. */
    long offerUnpaced(int spans) {
        for (int i = 0; i < spans; i++) {
            long start = System.nanoTime();
            listener.onSyscall(workload.next(event));
            worstOfferNanos = Math.max(worstOfferNanos, System.nanoTime() - start);
        }
        return batcher.offeredSoFar();
    }

    long dropped() {
        return batcher.droppedQueueFull();
    }

    long exported() {
        return batcher.exportedSoFar();
    }

    /** The longest single offer so far (ns): the producer must never wait for the receiver. */
    long takeWorstOfferNanos() {
        long w = worstOfferNanos;
        worstOfferNanos = 0;
        return w;
    }

    static void paceTo(long offered, LongSupplier exported, long maxBacklog) {
        while (offered - exported.getAsLong() > maxBacklog) LockSupport.parkNanos(20_000);
    }

    static void waitFor(long offered, LongSupplier exported) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (exported.getAsLong() < offered) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("export stalled at " + exported.getAsLong() + "/" + offered);
            LockSupport.parkNanos(20_000);
        }
    }

    @Override
    public void close() {
        listener.onFinish();
    }
}
