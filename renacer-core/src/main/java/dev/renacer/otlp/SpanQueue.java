package dev.renacer.otlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer ring of span records (the tracer thread offers, the
 * exporter thread polls), in the style of JCTools' SpscArrayQueue: each side owns its index and
 * publishes it with a release store, and caches the other side's index to touch shared cache lines
 * rarely. {@link #offer} never blocks and never allocates: a full queue answers false.
 */
final class SpanQueue {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(SpanRecord[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(SpanQueue.class, "head", long.class);
            TAIL = lookup.findVarHandle(SpanQueue.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SpanRecord[] buffer;
    private final int mask;
    private final int capacity;
    // producer side
    long p0, p1, p2, p3, p4, p5, p6; // padding: HotSpot keeps same-size fields in order, so tail and head land on different cache lines
    private volatile long tail;
    private long headCache;
    // consumer side
    long c0, c1, c2, c3, c4, c5, c6;
    private volatile long head;
    private long tailCache;

    SpanQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("queue capacity < 1: " + capacity);
        this.capacity = capacity;
        int length = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.buffer = new SpanRecord[length];
        this.mask = length - 1;
    }

    /** Producer only. */
    boolean offer(SpanRecord record) {
        long t = (long) TAIL.getOpaque(this);
        if (t - headCache >= capacity) {
            headCache = (long) HEAD.getAcquire(this);
            if (t - headCache >= capacity) return false;
        }
        SLOT.setRelease(buffer, (int) t & mask, record);
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Consumer only. */
    SpanRecord poll() {
        long h = (long) HEAD.getOpaque(this);
        if (h >= tailCache) {
            tailCache = (long) TAIL.getAcquire(this);
            if (h >= tailCache) return null;
        }
        int index = (int) h & mask;
        SpanRecord record = (SpanRecord) SLOT.getAcquire(buffer, index);
        SLOT.setOpaque(buffer, index, null);
        HEAD.setRelease(this, h + 1);
        return record;
    }

    /** Approximate, any thread. */
    int size() {
        long size = (long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this);
        return (int) Math.max(0, Math.min(size, capacity));
    }

    int capacity() {
        return capacity;
    }
}
