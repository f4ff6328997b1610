package dev.renacer.trace.ebpf;

import dev.renacer.syscall.TraceeMemory;

import java.nio.ByteBuffer;

/**
 * The tracee's memory as the kernel copied it into one record: the decoders read through this exactly
 * as they read through process_vm_readv under ptrace. A read inside a captured block is served from the
 * record; anything else fails as an unreadable address does, so the decoder prints the address (strace's
 * form for memory it cannot read). Valid only while the record is (see {@link RingReader.RecordHandler}).
 */
final class CapturedMemory implements TraceeMemory {
    private static final int MAX_BLOCKS = 128;

    private final long[] addresses = new long[MAX_BLOCKS];
    private final int[] lengths = new int[MAX_BLOCKS];
    private final int[] offsets = new int[MAX_BLOCKS];
    private int blocks;
    private ByteBuffer ring;

    /** Serves the {@code count} captures that start at {@code offset} of {@code ring}, and nothing else. */
    void use(ByteBuffer ring, int offset, int end, int count) {
        this.ring = ring;
        blocks = 0;
        int at = offset;
        for (int i = 0; i < count && blocks < MAX_BLOCKS && at + Records.CAPTURE_HEAD_SIZE <= end; i++) {
            long address = ring.getLong(at + Records.CAPTURE_ADDRESS);
            int length = ring.getInt(at + Records.CAPTURE_LENGTH);
            int data = at + Records.CAPTURE_HEAD_SIZE;
            if (length < 0 || data + length > end) break;
            addresses[blocks] = address;
            lengths[blocks] = length;
            offsets[blocks] = data;
            blocks++;
            at = data + ((length + 7) & ~7);
        }
    }

    /** Nothing is readable (a record without captures). */
    void clear() {
        blocks = 0;
    }

    @Override
    public int read(int tid, long address, byte[] dst, int offset, int length) {
        if (address == 0) return -1;
        for (int i = 0; i < blocks; i++) {
            long start = addresses[i];
            long delta = address - start;
            if (delta < 0 || delta >= lengths[i]) continue;
            int n = (int) Math.min(length, lengths[i] - delta);
            ring.get(offsets[i] + (int) delta, dst, offset, n);
            return n;
        }
        return length == 0 ? 0 : -1;
    }
}
