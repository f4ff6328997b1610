package dev.renacer.trace.ebpf;

import com.sun.jna.Native;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.renacer.linux.KernelIo;
import dev.renacer.trace.TraceException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the BPF ring buffer from its mapped pages, as libbpf's ring_buffer__poll does, but without a
 * callback per record. Measured (RingConsumerBenchmark, README "eBPF backend"): a JNA callback from
 * ring_buffer__poll costs about a microsecond and allocates per record, so it cannot keep up with a
 * million records a second; reading the pages directly costs tens of nanoseconds and allocates nothing.
 * libbpf still loads and attaches the programs; only the consuming is done here.
 *
 * <p>Layout (kernel/bpf/ringbuf.c): page 0 holds the consumer position (written here), page 1 the
 * producer position, then the data pages, mapped twice in a row so that a record that wraps around the
 * end reads as one piece. Each record starts with a u32 length carrying BUSY and DISCARD bits.
 */
final class RingReader implements AutoCloseable {
    private static final int PAGE = 4096;
    // acquire/release accesses to the positions and record headers the kernel writes concurrently
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Called for each committed record; the bytes are valid only until it returns. */
    interface RecordHandler {
        void onRecord(ByteBuffer ring, int offset, int length);
    }

    private final int size;
    private final long mask;
    private final Pointer consumerPage;
    private final Pointer producerMapping;
    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    private final int epollFd;
    private final Memory epollEvent = new Memory(KernelIo.EPOLL_EVENT_SIZE);
    private long consumerPosition;

    RingReader(int mapFd, int size) throws TraceException {
        this.size = size;
        this.mask = size - 1L;
        consumerPage = KernelIo.mmap(null, PAGE, KernelIo.PROT_READ | KernelIo.PROT_WRITE, KernelIo.MAP_SHARED, mapFd, 0);
        if (KernelIo.failed(consumerPage)) throw new TraceException("cannot map the eBPF ring buffer: errno " + Native.getLastError());
        producerMapping = KernelIo.mmap(null, PAGE + 2L * size, KernelIo.PROT_READ, KernelIo.MAP_SHARED, mapFd, PAGE);
        if (KernelIo.failed(producerMapping)) {
            KernelIo.munmap(consumerPage, PAGE);
            throw new TraceException("cannot map the eBPF ring buffer: errno " + Native.getLastError());
        }
        consumer = consumerPage.getByteBuffer(0, PAGE).order(ByteOrder.LITTLE_ENDIAN);
        producer = producerMapping.getByteBuffer(0, PAGE).order(ByteOrder.LITTLE_ENDIAN);
        data = producerMapping.getByteBuffer(PAGE, 2L * size).order(ByteOrder.LITTLE_ENDIAN);
        consumerPosition = (long) LONGS.getVolatile(consumer, 0);
        epollFd = KernelIo.epoll_create1(KernelIo.EPOLL_CLOEXEC);
        epollEvent.setInt(0, KernelIo.EPOLLIN);
        epollEvent.setLong(4, 0);
        if (epollFd < 0 || KernelIo.epoll_ctl(epollFd, KernelIo.EPOLL_CTL_ADD, mapFd, epollEvent) < 0) {
            close();
            throw new TraceException("cannot wait on the eBPF ring buffer: errno " + Native.getLastError());
        }
    }

    /**
     * Hands every committed record to {@code handler}, releasing each one's space to the kernel as soon as
     * it returns. Stops at the first record still being written. Returns how many records it read.
     */
    int drain(RecordHandler handler) {
        long position = consumerPosition;
        int records = 0;
        long end = (long) LONGS.getAcquire(producer, 0);
        while (position < end) {
            int at = (int) (position & mask);
            int header = (int) INTS.getAcquire(data, at);
            if ((header & Records.RING_BUSY) != 0) break;
            int length = header & ~(Records.RING_BUSY | Records.RING_DISCARD);
            if ((header & Records.RING_DISCARD) == 0) handler.onRecord(data, at + Records.RING_HEADER, length);
            position += (Records.RING_HEADER + length + 7) & ~7L;
            LONGS.setRelease(consumer, 0, position);
            records++;
            if (position >= end) end = (long) LONGS.getAcquire(producer, 0);
        }
        consumerPosition = position;
        return records;
    }

    /** Waits until the kernel signals new records or {@code timeoutMillis} pass. */
    void await(int timeoutMillis) {
        if ((long) LONGS.getAcquire(producer, 0) != consumerPosition) return;
        KernelIo.epoll_wait(epollFd, epollEvent, 1, timeoutMillis);
    }

    /** Bytes written by the kernel and not read yet. */
    long pending() {
        return (long) LONGS.getAcquire(producer, 0) - consumerPosition;
    }

    int size() {
        return size;
    }

    @Override
    public void close() {
        if (epollFd >= 0) KernelIo.close(epollFd);
        KernelIo.munmap(producerMapping, PAGE + 2L * size);
        KernelIo.munmap(consumerPage, PAGE);
    }
}
