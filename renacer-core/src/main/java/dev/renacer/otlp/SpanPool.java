package dev.renacer.otlp;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Span records to reuse: acquired by the one thread that makes spans (the tracer thread), released by
 * any thread (the exporter thread, after the batch that held them was sent).
 *
 * <p>Released records go on a lock-free stack linked through {@link SpanRecord#nextFree} (no nodes);
 * the acquiring thread takes the whole stack in one {@code getAndSet} and then pops from its private
 * list. Because only one thread ever takes from the shared stack and it takes all of it, the ABA
 * problem of a Treiber pop cannot occur, and both sides are a few instructions with no lock.
 * When the pool is empty, acquire makes a new record (a miss): the pool grows to what the workload
 * needs and keeps it.
 */
public final class SpanPool {
    private final AtomicReference<SpanRecord> released = new AtomicReference<>();
    /** Owned by the acquiring thread. */
    private SpanRecord local;
    private long hits;
    private long misses;
    private final AtomicLong created = new AtomicLong();
    private final int initialCapacity;

    /** A pool holding {@code capacity} records made up front. */
    public SpanPool(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity < 0: " + capacity);
        this.initialCapacity = capacity;
        for (int i = 0; i < capacity; i++) {
            SpanRecord r = new SpanRecord(this);
            r.nextFree = local;
            local = r;
        }
        created.set(capacity);
    }

    /** A record to fill. Call from the acquiring thread only. */
    public SpanRecord acquire() {
        SpanRecord r = local;
        if (r == null && released.get() != null) {
            r = released.getAndSet(null);
        }
        if (r != null) {
            local = r.nextFree;
            r.nextFree = null;
            hits++;
            return r;
        }
        misses++;
        created.incrementAndGet();
        return new SpanRecord(this);
    }

    /** Gives a record back; any thread. The caller no longer touches it. */
    public void release(SpanRecord record) {
        record.reset();
        SpanRecord head;
        do {
            head = released.get();
            record.nextFree = head;
        } while (!released.compareAndSet(head, record));
    }

    /** Gives back the records of a sent batch with one atomic operation; any thread. */
    public void releaseAll(List<? extends Object> batch) {
        SpanRecord first = null;
        SpanRecord last = null;
        for (int i = 0, n = batch.size(); i < n; i++) {
            if (!(batch.get(i) instanceof SpanRecord r) || r.owner != this) continue;
            r.reset();
            r.nextFree = first;
            if (last == null) last = r;
            first = r;
        }
        if (first == null) return;
        SpanRecord head;
        do {
            head = released.get();
            last.nextFree = head;
        } while (!released.compareAndSet(head, first));
    }

    /** Counters, read when the run is over (or approximately while it runs). */
    public Stats stats() {
        return new Stats(initialCapacity, created.get(), hits, misses);
    }

    /**
     * @param capacity initial capacity
     * @param records  records made in all (capacity plus misses): what the pool grew to
     */
    public record Stats(int capacity, long records, long hits, long misses) {
        public double hitRate() {
            long total = hits + misses;
            return total == 0 ? 1.0 : (double) hits / total;
        }
    }
}
