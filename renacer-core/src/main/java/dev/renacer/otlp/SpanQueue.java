package dev.renacer.otlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer ring of span records (the tracer thread offers, the
 * exporter thread polls), in the style of JCTools' SpscArrayQueue: each side owns its index and
 * publishes it with a release store, and caches the other side's index to touch shared cache lines
 * rarely. {@link #offer} never blocks and never allocates: a full queue answers false.
 *
 * <p>The producer's fields, the consumer's fields and the read-only ones each sit on cache lines of
 * their own. As in JCTools, the padding goes through the class hierarchy: the JVM lays a superclass's
 * fields out before its subclass's, whereas the order of fields within one class is its own choice.
 * 128 bytes a pad (two lines, for the adjacent-line prefetcher); SpanQueueTest reads the layout.
 */
final class SpanQueue extends SpanQueuePad3 {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(SpanRecord[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(SpanQueueConsumerFields.class, "head", long.class);
            TAIL = lookup.findVarHandle(SpanQueueProducerFields.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    SpanQueue(int capacity) {
        super(capacity);
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

/** Keeps the fields below off the cache lines of whatever object the heap put just before this one. */
abstract class SpanQueuePad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** Written once, read by both sides. */
abstract class SpanQueueColdFields extends SpanQueuePad0 {
    final SpanRecord[] buffer;
    final int mask;
    final int capacity;

    SpanQueueColdFields(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("queue capacity < 1: " + capacity);
        this.capacity = capacity;
        int length = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.buffer = new SpanRecord[length];
        this.mask = length - 1;
    }
}

abstract class SpanQueuePad1 extends SpanQueueColdFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

    SpanQueuePad1(int capacity) {
        super(capacity);
    }
}

/** The producer's (tracer thread's) side. */
abstract class SpanQueueProducerFields extends SpanQueuePad1 {
    volatile long tail;
    long headCache;

    SpanQueueProducerFields(int capacity) {
        super(capacity);
    }
}

abstract class SpanQueuePad2 extends SpanQueueProducerFields {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;

    SpanQueuePad2(int capacity) {
        super(capacity);
    }
}

/** The consumer's (exporter thread's) side. */
abstract class SpanQueueConsumerFields extends SpanQueuePad2 {
    volatile long head;
    long tailCache;

    SpanQueueConsumerFields(int capacity) {
        super(capacity);
    }
}

/** Keeps the consumer's fields off the cache lines of the object the heap puts next. */
abstract class SpanQueuePad3 extends SpanQueueConsumerFields {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;

    SpanQueuePad3(int capacity) {
        super(capacity);
    }
}
