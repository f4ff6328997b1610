package dev.renacer.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
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
    /** Two requests in flight: measured on loopback, the second one overlaps encoding with waiting. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    private final SpanExporter exporter;
    private final SpanPool pool;
    private final BatchSettings settings;
    private final SpanQueue queue;
    private final Thread thread;
    private final StringCache strings = new StringCache();
    private final Supplier<String> lastError;
    private final boolean materializeStrings;

    // tracer thread only
    private long offered;
    private long droppedQueueFull;

    // exporter thread writes, under lock; read under lock
    private final Object lock = new Object();
    private long exported;
    private long batches;
    private long failures;
    private boolean closed;

    /** Requests on the wire at once. */
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final ArrayBlockingQueue<ArrayList<SpanData>> freeBatchLists;

    private volatile boolean stopRequested;
    private volatile boolean sleeping;

    public BatchExporter(SpanExporter exporter, SpanPool pool, BatchSettings settings) {
        this(exporter, pool, settings, () -> null);
    }

    /** @param lastError what the transport last reported (see {@link ExporterErrors}), for the summary */
    public BatchExporter(SpanExporter exporter, SpanPool pool, BatchSettings settings, Supplier<String> lastError) {
        this(exporter, pool, settings, lastError, DEFAULT_MAX_IN_FLIGHT);
    }

    /** @param maxInFlight export requests on the wire at once (1 sends batches strictly one after another) */
    public BatchExporter(SpanExporter exporter, SpanPool pool, BatchSettings settings, Supplier<String> lastError,
                         int maxInFlight) {
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight < 1");
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.freeBatchLists = new ArrayBlockingQueue<>(maxInFlight + 1);
        this.exporter = exporter;
        // renacer's own encoder reads the records' buffers; every other exporter needs Strings
        this.materializeStrings = !(exporter instanceof DirectOtlpHttpExporter);
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
        if (!finished) failuresNow += maxInFlight - inFlight.availablePermits(); // requests cut off by the deadline
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
        ArrayList<SpanData> batch = takeBatchList();
        long delayNanos = settings.scheduleDelay().toNanos();
        long lastExport = System.nanoTime();
        while (true) {
            SpanRecord record;
            while (batch.size() < settings.maxExportBatchSize() && (record = queue.poll()) != null) {
                if (materializeStrings) record.prepareForExport(strings);
                batch.add(record);
            }
            boolean stopping = stopRequested;
            long now = System.nanoTime();
            if (batch.size() >= settings.maxExportBatchSize()
                    || (!batch.isEmpty() && (stopping || now - lastExport >= delayNanos))) {
                export(batch);
                batch = takeBatchList();
                lastExport = System.nanoTime();
                continue;
            }
            if (stopping && batch.isEmpty() && queue.size() == 0) {
                inFlight.acquireUninterruptibly(maxInFlight); // the last requests have finished
                return;
            }
            sleeping = true;
            if (queue.size() < settings.maxExportBatchSize() && !stopRequested) {
                long wait = batch.isEmpty() ? delayNanos : delayNanos - (now - lastExport);
                LockSupport.parkNanos(this, Math.max(wait, 100_000L));
            }
            sleeping = false;
        }
    }

    /**
     * Hands a batch to the exporter without waiting for the answer, up to {@link #maxInFlight}
     * requests at once (a request spends most of its time waiting on the network, so a second one
     * in flight doubles what one exporter thread can send). The records go back to the pool when
     * the exporter reports the request finished, never before: it may still be encoding them.
     */
    private void export(ArrayList<SpanData> batch) {
        inFlight.acquireUninterruptibly(); // only the exporter thread waits here, never the tracer
        CompletableResultCode result;
        try {
            result = exporter.export(batch);
        } catch (RuntimeException e) {
            result = CompletableResultCode.ofFailure();
        }
        CompletableResultCode done = result;
        done.whenComplete(() -> finished(batch, done.isSuccess()));
    }

    private void finished(ArrayList<SpanData> batch, boolean ok) {
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
        pool.releaseAll(batch);
        batch.clear();
        freeBatchLists.offer(batch);
        inFlight.release();
    }

    private ArrayList<SpanData> takeBatchList() {
        ArrayList<SpanData> list = freeBatchLists.poll();
        return list != null ? list : new ArrayList<>(settings.maxExportBatchSize());
    }
}
