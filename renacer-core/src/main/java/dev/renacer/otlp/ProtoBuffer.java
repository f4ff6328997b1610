package dev.renacer.otlp;

import java.util.Arrays;

/**
 * A growable byte buffer with the protobuf wire-format writes OTLP needs, reused for every request.
 *
 * <p>A nested message or string is written in place after a one-byte length slot; when its length
 * turns out to need more varint bytes, the content is shifted right (a few hundred bytes for a span,
 * once per request for the enclosing messages). That avoids the separate sizing pass of the
 * OpenTelemetry marshalers and any per-field allocation; the encoding stays canonical.
 */
final class ProtoBuffer {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private byte[] buf;
    private int pos;

    ProtoBuffer(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    void reset() { pos = 0; }
    int length() { return pos; }
    byte[] array() { return buf; }

    private void ensure(int n) {
        if (pos + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }

    void tag(int field, int wireType) {
        varint32((field << 3) | wireType);
    }

    void varint32(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void varint64(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void fixed64(int field, long v) {
        tag(field, FIXED64);
        ensure(8);
        for (int i = 0; i < 8; i++) buf[pos++] = (byte) (v >>> (8 * i));
    }

    /** The 8 bytes of a fixed64 whose tag was written already. */
    void fixed64Raw(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) buf[pos++] = (byte) (v >>> (8 * i));
    }

    void fixed32(int field, int v) {
        tag(field, FIXED32);
        ensure(4);
        for (int i = 0; i < 4; i++) buf[pos++] = (byte) (v >>> (8 * i));
    }

    void uint64(int field, long v) {
        tag(field, VARINT);
        varint64(v);
    }

    /** 8 bytes, big-endian: a span id. */
    void id64(int field, long id) {
        tag(field, LENGTH_DELIMITED);
        ensure(9);
        buf[pos++] = 8;
        for (int i = 7; i >= 0; i--) buf[pos++] = (byte) (id >>> (8 * i));
    }

    void bytes(int field, byte[] bytes) {
        tag(field, LENGTH_DELIMITED);
        varint32(bytes.length);
        raw(bytes);
    }

    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** A string field, UTF-8 encoded straight from the characters. */
    void string(int field, CharSequence s) {
        int slot = begin(field);
        utf8(s);
        end(slot);
    }

    /** Starts a length-delimited field; returns the slot to give {@link #end}. */
    int begin(int field) {
        tag(field, LENGTH_DELIMITED);
        ensure(1);
        return pos++;
    }

    void end(int slot) {
        int length = pos - slot - 1;
        int extra = varintSize(length) - 1;
        if (extra > 0) {
            ensure(extra);
            System.arraycopy(buf, slot + 1, buf, slot + 1 + extra, length);
            pos += extra;
        }
        int at = slot;
        int v = length;
        while ((v & ~0x7F) != 0) {
            buf[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[at] = (byte) v;
    }

    private void utf8(CharSequence s) {
        int n = s.length();
        ensure(n * 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes does the same
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    static int varintSize(int v) {
        if ((v & ~0x7F) == 0) return 1;
        if ((v & ~0x3FFF) == 0) return 2;
        if ((v & ~0x1FFFFF) == 0) return 3;
        if ((v & ~0xFFFFFFF) == 0) return 4;
        return 5;
    }
}
