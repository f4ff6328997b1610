package dev.renacer.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The batching layer between the tracer thread and an OpenTelemetry {@link SpanExporter} (which
 * does encoding and transport). The tracer thread {@link #offer}s filled records into a bounded
 * lock-free queue and never waits: when the queue is full the span is dropped and counted. One
 * exporter thread drains the queue into batches, exports them one at a time, and gives the records
 * back to the pool once the exporter has finished with them.
 */
public final class BatchExporter {
    private final SpanExporter exporter;
    private final SpanPool pool;
    private final BatchSettings settings;
    private final SpanQueue queue;
    private final Thread thread;
    private final StringCache strings = new StringCache();
    private final Supplier<String> lastError;

    // tracer thread only
    private long offered;
    private long droppedQueueFull;

    // exporter thread writes, under lock; read under lock
    private final Object lock = new Object();
    private long exported;
    private long batches;
    private long failures;
    private boolean closed;

    private volatile boolean stopRequested;
    private volatile boolean sleeping;

    public BatchExporter(SpanExporter exporter, SpanPool pool, BatchSettings settings) {
        this(exporter, pool, settings, () -> null);
    }

    /** @param lastError what the transport last reported (see {@link ExporterErrors}), for the summary */
    public BatchExporter(SpanExporter exporter, SpanPool pool, BatchSettings settings, Supplier<String> lastError) {
        this.exporter = exporter;
        this.pool = pool;
        this.settings = settings;
        this.lastError = lastError;
        this.queue = new SpanQueue(settings.maxQueueSize());
        this.thread = new Thread(this::run, "renacer-otlp-exporter");
        this.thread.setDaemon(true); // a hung collector must never keep renacer alive
        this.thread.start();
    }

    /**
     * Queues a filled record for export. Tracer thread only; never blocks, never allocates.
     *
     * @return false when the queue was full: the span is dropped, counted and its record reused
     */
    public boolean offer(SpanRecord record) {
        offered++;
        if (!queue.offer(record)) {
            droppedQueueFull++;
            pool.release(record);
            return false;
        }
        if (sleeping && queue.size() >= settings.maxExportBatchSize()) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * Sends what is queued, waiting at most {@code deadline}, then shuts the exporter down. Whatever
     * was not acknowledged by then is counted as dropped. Call once, from the offering thread.
     */
    public ExportSummary shutdown(Duration deadline) {
        stopRequested = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1, deadline.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long exportedNow;
        long batchesNow;
        long failuresNow;
        boolean finished = !thread.isAlive();
        synchronized (lock) {
            closed = true; // an export finishing after the deadline no longer changes the counts
            exportedNow = exported;
            batchesNow = batches;
            failuresNow = failures;
        }
        if (!finished) failuresNow++; // the request still in flight at the deadline
        try {
            exporter.shutdown().join(200, TimeUnit.MILLISECONDS);
        } catch (RuntimeException ignored) {
            // the summary still tells what was lost
        }
        return new ExportSummary(offered, exportedNow, offered - exportedNow, batchesNow, failuresNow,
                lastError.get(), pool.stats());
    }

    /** Spans acknowledged by the receiver so far; any thread (benchmarks pace themselves with it). */
    public long exportedSoFar() {
        synchronized (lock) {
            return exported;
        }
    }

    /** Spans offered so far. Offering thread. */
    public long offeredSoFar() {
        return offered;
    }

    /** Spans dropped because the queue was full, so far. Tracer thread. */
    public long droppedQueueFull() {
        return droppedQueueFull;
    }

    private void run() {
        List<SpanData> batch = new ArrayList<>(settings.maxExportBatchSize());
        long delayNanos = settings.scheduleDelay().toNanos();
        long lastExport = System.nanoTime();
        while (true) {
            SpanRecord record;
            while (batch.size() < settings.maxExportBatchSize() && (record = queue.poll()) != null) {
                record.prepareForExport(strings);
                batch.add(record);
            }
            boolean stopping = stopRequested;
            long now = System.nanoTime();
            if (batch.size() >= settings.maxExportBatchSize()
                    || (!batch.isEmpty() && (stopping || now - lastExport >= delayNanos))) {
                export(batch);
                lastExport = System.nanoTime();
                continue;
            }
            if (stopping && batch.isEmpty() && queue.size() == 0) return;
            sleeping = true;
            if (queue.size() < settings.maxExportBatchSize() && !stopRequested) {
                long wait = batch.isEmpty() ? delayNanos : delayNanos - (now - lastExport);
                LockSupport.parkNanos(this, Math.max(wait, 100_000L));
            }
            sleeping = false;
        }
    }

    private void export(List<SpanData> batch) {
        CompletableResultCode result;
        try {
            result = exporter.export(batch);
            // The exporter's own timeout bounds the request; this bound only guards against an
            // exporter that never completes its result.
            result.join(settings.exportTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            result = CompletableResultCode.ofFailure();
        }
        boolean ok = result.isDone() && result.isSuccess();
        synchronized (lock) {
            if (!closed) {
                if (ok) {
                    exported += batch.size();
                    batches++;
                } else {
                    failures++;
                }
            }
        }
        // An unfinished request may still be encoding these records on the transport's thread:
        // leave them to the garbage collector rather than reuse them under its feet.
        if (result.isDone()) pool.releaseAll(batch);
        batch.clear();
    }
}
