package dev.renacer.syscall.decode;

import dev.renacer.syscall.TraceeMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tracee address space made of a few mapped regions; reads stop at a region's end, as at an unmapped page. */
final class FakeMemory implements TraceeMemory {
    private record Region(long base, byte[] bytes) {}

    private final List<Region> regions = new ArrayList<>();
    private long next = 0x7ffd_0000_1000L;

    /** Maps {@code bytes} at a fresh address and returns it. */
    long map(byte[] bytes) {
        long address = next;
        regions.add(new Region(address, bytes.clone()));
        next += (bytes.length + 0x1000L) & ~0xfffL;
        next += 0x1000; // a hole after each region
        return address;
    }

    /** Overwrites mapped bytes, as the kernel does when a call fills a buffer. */
    void write(long address, byte[] bytes) {
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (address >= r.base && address + bytes.length <= r.base + r.bytes.length) {
                System.arraycopy(bytes, 0, r.bytes, (int) (address - r.base), bytes.length);
                return;
            }
        }
        throw new IllegalArgumentException("not mapped: " + Long.toHexString(address));
    }

    /** A C string with its terminating NUL. */
    long string(String s) {
        byte[] text = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] withNul = new byte[text.length + 1];
        System.arraycopy(text, 0, withNul, 0, text.length);
        return map(withNul);
    }

    /** A NULL-terminated array of pointers to C strings. */
    long stringArray(String... items) {
        ByteBuffer array = ByteBuffer.allocate(8 * (items.length + 1)).order(ByteOrder.LITTLE_ENDIAN);
        for (String item : items) array.putLong(string(item));
        array.putLong(0);
        return map(array.array());
    }

    @Override
    public int read(int tid, long address, byte[] dst, int offset, int length) {
        // An indexed loop: an iterator here would be the fake's allocation, charged to the decoder.
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (address >= r.base && address < r.base + r.bytes.length) {
                int from = (int) (address - r.base);
                int n = Math.min(length, r.bytes.length - from);
                System.arraycopy(r.bytes, from, dst, offset, n);
                return n;
            }
        }
        return -1;
    }
}
