package dev.renacer.trace.ebpf;

import dev.renacer.syscall.TraceeMemory;

import java.nio.ByteBuffer;

/**
 * The tracee's memory as the kernel copied it into records: the decoders read through this exactly as
 * they read through process_vm_readv under ptrace. A read inside a captured block is served from the
 * record; anything else fails as an unreadable address does, so the decoder prints the address (strace's
 * form for memory it cannot read). Blocks come from the current record, from an entry record a task holds
 * (see {@link RecordDispatcher}), or from arrays rebuilt here (an execve's argv); they are valid while
 * their buffers are.
 */
final class CapturedMemory implements TraceeMemory {
    private static final int MAX_BLOCKS = 256;

    private final long[] addresses = new long[MAX_BLOCKS];
    private final int[] lengths = new int[MAX_BLOCKS];
    private final int[] offsets = new int[MAX_BLOCKS];
    private final ByteBuffer[] sources = new ByteBuffer[MAX_BLOCKS];
    private int blocks;

    /** Nothing is readable. */
    void clear() {
        blocks = 0;
    }

    /** Serves the {@code count} captures laid out from {@code offset} to {@code end} of {@code buffer}, too. */
    void add(ByteBuffer buffer, int offset, int end, int count) {
        int at = offset;
        for (int i = 0; i < count && blocks < MAX_BLOCKS && at + Records.CAPTURE_HEAD_SIZE <= end; i++) {
            long address = buffer.getLong(at + Records.CAPTURE_ADDRESS);
            int length = buffer.getInt(at + Records.CAPTURE_LENGTH);
            int data = at + Records.CAPTURE_HEAD_SIZE;
            if (length < 0 || data + length > end) break;
            addBlock(buffer, address, data, length);
            at = data + ((length + 7) & ~7);
        }
    }

    /** Serves {@code length} bytes of {@code buffer} at {@code offset} as the tracee's memory at {@code address}. */
    void addBlock(ByteBuffer buffer, long address, int offset, int length) {
        if (blocks == MAX_BLOCKS) return;
        sources[blocks] = buffer;
        addresses[blocks] = address;
        offsets[blocks] = offset;
        lengths[blocks] = length;
        blocks++;
    }

    /** As {@link #addBlock}, searched before every block added so far. */
    void addBlockFirst(ByteBuffer buffer, long address, int offset, int length) {
        if (blocks == MAX_BLOCKS) blocks--;
        System.arraycopy(sources, 0, sources, 1, blocks);
        System.arraycopy(addresses, 0, addresses, 1, blocks);
        System.arraycopy(offsets, 0, offsets, 1, blocks);
        System.arraycopy(lengths, 0, lengths, 1, blocks);
        sources[0] = buffer;
        addresses[0] = address;
        offsets[0] = offset;
        lengths[0] = length;
        blocks++;
    }

    /** The i-th block's address, length and offset in its buffer, for {@link RecordDispatcher}'s argv rebuild. */
    int blocks() { return blocks; }

    long address(int i) { return addresses[i]; }

    int length(int i) { return lengths[i]; }

    int offset(int i) { return offsets[i]; }

    ByteBuffer source(int i) { return sources[i]; }

    @Override
    public int read(int tid, long address, byte[] dst, int offset, int length) {
        if (address == 0) return -1;
        for (int i = 0; i < blocks; i++) {
            long delta = address - addresses[i];
            if (delta < 0 || delta >= lengths[i]) continue;
            int n = (int) Math.min(length, lengths[i] - delta);
            sources[i].get(offsets[i] + (int) delta, dst, offset, n);
            return n;
        }
        return length == 0 ? 0 : -1;
    }
}
