package dev.renacer.otlp;

import java.util.SplittableRandom;

/**
 * Span and trace ids: random 64-bit values from a {@link SplittableRandom} owned by the one thread
 * that creates spans (the tracer thread), so an id costs a few instructions and no allocation or
 * lock. Ids are kept as longs on the hot path; hex strings are made only where OTLP needs them.
 */
public final class SpanIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SplittableRandom random;

    public SpanIds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public SpanIds() {
        this(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    }

    /** A new valid (non-zero) span id. Call only from the owning thread. */
    public long nextSpanId() {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0L);
        return id;
    }

    /** A new valid trace id as 32 lowercase hex digits. */
    public String newTraceIdHex() {
        return toHex(random.nextLong() | 1L, 16) + toHex(nextSpanId(), 16);
    }

    /** {@code value} as exactly {@code digits} lowercase hex digits (16 for a span id). */
    public static String toHex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }
}
