package dev.renacer.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The batching layer between the tracer thread and a {@link SpanExporter} (which does encoding and
 * transport; this class knows nothing else of it, as the SDK's BatchSpanProcessor). The tracer thread
 * {@link #offer}s filled records into a bounded lock-free queue and never waits: when the queue is
 * full the span is dropped and counted (unless the exporter writes only to a local file: then the tracer
 * waits for room, as it waits for a slow -o file, and nothing is lost). One exporter thread drains the queue into batches, hands them
 * to the exporter, and gives the records back to the pool once the exporter has finished with them.
 * An export that has not finished after {@link BatchSettings#exportTimeout()} (OTEL_BSP_EXPORT_TIMEOUT)
 * is given up on, as the SDK's processor gives up waiting: it counts as failed, its spans as dropped,
 * and its request slot goes to the next batch (its records still wait for the exporter to let go).
 */
public final class BatchExporter {
    /** Two requests in flight: measured on loopback, the second one overlaps encoding with waiting. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    private final SpanExporter exporter;
    private final SpanPool pool;
    private final BatchSettings settings;
    private final SpanQueue queue;
    private final Thread thread;
    private final Supplier<String> lastError;
    /** A full queue makes {@link #offer} wait for room instead of dropping (a local file only: no collector can hang it). */
    private final boolean waitWhenFull;
    /** {@link BatchSettings#exportTimeout()} in nanoseconds; Long.MAX_VALUE for no bound. */
    private final long exportTimeoutNanos;

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
    /** Requests handed to the exporter and not yet settled, oldest first. Exporter thread only. */
    private final ArrayDeque<Request> sent = new ArrayDeque<>();
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
        this(exporter, pool, settings, lastError, maxInFlight, false);
    }

    /**
     * @param waitWhenFull a full queue makes the tracer wait for room rather than drop the span: for an exporter
     *                     that writes to a local file only (--otlp-file without an endpoint), which cannot hang
     */
    public BatchExporter(SpanExporter exporter, SpanPool pool, BatchSettings settings, Supplier<String> lastError,
                         int maxInFlight, boolean waitWhenFull) {
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight < 1");
        this.maxInFlight = maxInFlight;
        this.waitWhenFull = waitWhenFull;
        this.inFlight = new Semaphore(maxInFlight);
        this.freeBatchLists = new ArrayBlockingQueue<>(maxInFlight + 1);
        this.exporter = exporter;
        this.pool = pool;
        this.settings = settings;
        this.lastError = lastError;
        this.exportTimeoutNanos = settings.exportTimeout().isZero() ? Long.MAX_VALUE : settings.exportTimeout().toNanos();
        this.queue = new SpanQueue(settings.maxQueueSize());
        this.thread = new Thread(this::run, "renacer-otlp-exporter");
        this.thread.setDaemon(true); // a hung collector must never keep renacer alive
        this.thread.start();
    }

    /**
     * Queues a filled record for export. Tracer thread only; never allocates, and never blocks but to wait for
     * room in the queue when it was built to ({@code waitWhenFull}).
     *
     * @return false when the queue was full: the span is dropped, counted and its record reused
     */
    public boolean offer(SpanRecord record) {
        offered++;
        if (!queue.offer(record) && !(waitWhenFull && waitForRoom(record))) {
            droppedQueueFull++;
            pool.release(record);
            return false;
        }
        if (sleeping && queue.size() >= settings.maxExportBatchSize()) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** Wakes the exporter thread and waits until the queue takes {@code record}; false if that thread is gone. */
    private boolean waitForRoom(SpanRecord record) {
        do {
            LockSupport.unpark(thread);
            if (!thread.isAlive()) return false;
            LockSupport.parkNanos(20_000L);
        } while (!queue.offer(record));
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
            while (batch.size() < settings.maxExportBatchSize() && (record = queue.poll()) != null) batch.add(record);
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
                for (Request oldest; (oldest = oldestUnsettled()) != null; ) awaitOrGiveUp(oldest); // the last requests
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
        awaitSlot(); // only the exporter thread waits here, never the tracer
        long now = System.nanoTime();
        Request request = new Request(batch, exportTimeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + exportTimeoutNanos);
        sent.add(request);
        CompletableResultCode result;
        try {
            result = exporter.export(batch);
        } catch (RuntimeException e) {
            result = CompletableResultCode.ofFailure();
        }
        request.result = result;
        CompletableResultCode done = result;
        done.whenComplete(() -> finished(request, done.isSuccess()));
    }

    /** Takes a request slot, giving up on the oldest request if it is past its time before one frees. */
    private void awaitSlot() {
        while (true) {
            Request oldest = oldestUnsettled();
            long wait = oldest == null ? Long.MAX_VALUE : oldest.timeLeft();
            if (wait > 0) {
                try {
                    if (inFlight.tryAcquire(wait, TimeUnit.NANOSECONDS)) return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    inFlight.acquireUninterruptibly();
                    return;
                }
            } else {
                giveUp(oldest);
            }
        }
    }

    /** Waits for {@code request} until its deadline; past it, counts it as failed. */
    private void awaitOrGiveUp(Request request) {
        long wait = request.timeLeft();
        if (wait > 0) request.result.join(wait, TimeUnit.NANOSECONDS);
        giveUp(request); // nothing when it finished in time: it settled itself
    }

    private Request oldestUnsettled() {
        while (!sent.isEmpty() && sent.peekFirst().settled.get()) sent.pollFirst();
        return sent.peekFirst();
    }

    /** Any thread. The exporter finished the request: counted unless given up on already, records back to the pool. */
    private void finished(Request request, boolean ok) {
        boolean counted = request.settled.compareAndSet(false, true);
        if (counted) count(request, ok);
        ArrayList<SpanData> batch = request.batch;
        pool.releaseAll(batch);
        batch.clear();
        freeBatchLists.offer(batch);
        if (counted) inFlight.release(); // last: a free slot means the records are back
    }

    /** The wait for {@code request} is over: a failure, and its slot is free, unless it finished meanwhile. */
    private void giveUp(Request request) {
        if (!request.settled.compareAndSet(false, true)) return;
        count(request, false);
        inFlight.release();
    }

    private void count(Request request, boolean ok) {
        synchronized (lock) {
            if (closed) return; // an export finishing after the flush deadline no longer changes the counts
            if (ok) {
                exported += request.batch.size();
                batches++;
            } else {
                failures++;
            }
        }
    }

    private ArrayList<SpanData> takeBatchList() {
        ArrayList<SpanData> list = freeBatchLists.poll();
        return list != null ? list : new ArrayList<>(settings.maxExportBatchSize());
    }

    /** One export request: its batch, when the wait for it ends, and whether it was counted yet. */
    private static final class Request {
        final ArrayList<SpanData> batch;
        final long deadline;
        final AtomicBoolean settled = new AtomicBoolean();
        /** Set by the exporter thread right after the exporter returned it. */
        CompletableResultCode result;

        Request(ArrayList<SpanData> batch, long deadline) {
            this.batch = batch;
            this.deadline = deadline;
        }

        /** Nanoseconds until the wait for it ends; Long.MAX_VALUE without a bound. */
        long timeLeft() {
            return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
        }
    }
}
