package dev.renacer.syscall.decode;

import dev.renacer.syscall.Errno;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.SyscallTable;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * -e read=FDS and -e write=FDS: strace's full hex dumps (syscall.c's dumpio, util.c's dumpstr) of the
 * data a call read from or wrote to one of those descriptors (argument 0), after its line:
 * <pre>
 *  | 00000  68 65 6c 6c 6f 0a                                hello.           |
 * </pre>
 * with {@code  * N bytes in buffer K} before each buffer of an iovec and {@code  = N buffers in vector K}
 * before each message of recvmmsg/sendmmsg. Written data is dumped whatever the call returned, read data
 * only after a success, as strace does. Reads in 64 KiB pieces into a reused buffer: allocates nothing.
 */
final class IoDumps {
    private enum Shape { NONE, BUFFER, IOVEC, MSGHDR, MMSGHDR }

    private static final int CHUNK = 1 << 16;
    private static final int IOVEC_SIZE = 16, MSG_IOV = 16, MSG_IOVLEN = 24, MSGHDR_SIZE = 56, MMSGHDR_SIZE = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** What strace dumps, per syscall; its dumpio's switch as data. */
    private static final Shape[] WRITES = shapes(new Object[][] {
        {Shape.BUFFER, "write", "pwrite64", "sendto", "mq_timedsend"},
        {Shape.IOVEC, "writev", "pwritev", "pwritev2", "vmsplice"},
        {Shape.MSGHDR, "sendmsg"},
        {Shape.MMSGHDR, "sendmmsg"},
    });
    private static final Shape[] READS = shapes(new Object[][] {
        {Shape.BUFFER, "read", "pread64", "recvfrom", "mq_timedreceive"},
        {Shape.IOVEC, "readv", "preadv", "preadv2"},
        {Shape.MSGHDR, "recvmsg"},
        {Shape.MMSGHDR, "recvmmsg"},
    });

    private final TraceeReader reader;
    private final IntPredicate reads;
    private final IntPredicate writes;
    private final byte[] chunk = new byte[CHUNK];
    private final char[] line = new char[16 * 3 + 2 + 16];

    IoDumps(TraceeReader reader, IntPredicate reads, IntPredicate writes) {
        this.reader = reader;
        this.reads = reads;
        this.writes = writes;
    }

    private static Shape[] shapes(Object[][] groups) {
        Shape[] byNumber = new Shape[SyscallTable.size()];
        Arrays.fill(byNumber, Shape.NONE);
        for (Object[] group : groups) {
            for (int i = 1; i < group.length; i++) {
                int n = SyscallTable.number((String) group[i]);
                if (n >= 0) byNumber[n] = (Shape) group[0];
            }
        }
        return byNumber;
    }

    /** Appends the dumps of a call that returned {@code rval} (nothing when its descriptor is in neither set). */
    void append(int tid, int number, long[] args, long rval, StringBuilder out) {
        if (number < 0 || number >= READS.length) return;
        int fd = (int) args[0];
        if (fd < 0) return;
        Shape written = WRITES[number];
        if (written != Shape.NONE && writes.test(fd)) dump(tid, written, args, -1, out);
        if (Errno.isError(rval)) return;
        Shape read = READS[number];
        if (read != Shape.NONE && reads.test(fd)) dump(tid, read, args, rval, out);
    }

    /** @param size the bytes the call moved (its result), or -1 for all the buffers hold */
    private void dump(int tid, Shape shape, long[] args, long size, StringBuilder out) {
        switch (shape) {
            case BUFFER -> dumpBuffer(tid, args[1], size < 0 ? args[2] : size, out);
            case IOVEC -> dumpIovec(tid, (int) args[2], args[1], size, out);
            case MSGHDR -> {
                byte[] msg = reader.readStruct(tid, args[1], MSGHDR_SIZE);
                if (msg != null) dumpIovec(tid, (int) LittleEndian.i64(msg, MSG_IOVLEN), LittleEndian.i64(msg, MSG_IOV), size, out);
            }
            case MMSGHDR -> dumpMmsghdr(tid, args[1], size, out);
            default -> { }
        }
    }

    /** recvmmsg and sendmmsg: as many messages as the call returned, each with its own length. */
    private void dumpMmsghdr(int tid, long address, long messages, StringBuilder out) {
        for (long i = 0; i < (messages & 0xffffffffL); i++) {
            byte[] m = reader.readStruct(tid, address + i * MMSGHDR_SIZE, MMSGHDR_SIZE);
            if (m == null) break;
            long iovlen = LittleEndian.i64(m, MSG_IOVLEN);
            long iov = LittleEndian.i64(m, MSG_IOV);
            long length = LittleEndian.u32(m, MSGHDR_SIZE);
            out.append(" = ").append(iovlen).append(" buffers in vector ").append(i).append('\n');
            dumpIovec(tid, (int) iovlen, iov, length, out);
        }
    }

    /** strace's dumpiov_upto: each buffer of the iovec, until {@code size} bytes (all for -1) were shown. */
    private void dumpIovec(int tid, int count, long iov, long size, StringBuilder out) {
        long left = size < 0 ? Long.MAX_VALUE : size;
        for (int i = 0; i < count; i++) {
            byte[] entry = reader.readStruct(tid, iov + (long) i * IOVEC_SIZE, IOVEC_SIZE);
            if (entry == null) return;
            long base = LittleEndian.i64(entry, 0);
            long length = LittleEndian.i64(entry, 8);
            if (Long.compareUnsigned(length, left) > 0) length = left;
            if (length == 0) break;
            left -= length;
            out.append(" * ");
            dev.renacer.syscall.Num.appendUnsigned(length, out);
            out.append(" bytes in buffer ").append(i).append('\n');
            dumpBuffer(tid, base, length, out);
        }
    }

    /** strace's dumpstr: 16 bytes a line, offset, hex in two groups of 8, the printable ones as text. */
    private void dumpBuffer(int tid, long address, long length, StringBuilder out) {
        if (length <= 0 || length + 16 < length || address + length < address) return;
        int offsetDigits = length > (1L << 20) ? 1 + (63 - Long.numberOfLeadingZeros(length - 1)) / 4 : 5;
        long fetched = 0;
        int got = 0;
        for (long at = 0; at < length; at += 16) {
            if (at == fetched) {
                int n = (int) Math.min(length - at, CHUNK);
                got = reader.readInto(tid, address + at, chunk, n);
                if (got != n) {
                    if (at > 0) {
                        out.append(" | <Cannot fetch ").append(n).append(n == 1 ? " byte" : " bytes").append(" from pid ")
                                .append(tid).append(" @");
                        dev.renacer.syscall.Num.appendHex(address + at, out);
                        out.append(">\n");
                    }
                    return;
                }
                fetched = at + n;
            }
            int from = (int) (at - (fetched - got));
            int inLine = (int) Math.min(16, length - at);
            Arrays.fill(line, ' ');
            for (int b = 0; b < inLine; b++) {
                int v = chunk[from + b] & 0xff;
                int col = b * 3 + (b >= 8 ? 1 : 0);
                line[col] = HEX[v >> 4];
                line[col + 1] = HEX[v & 0xf];
                line[16 * 3 + 2 + b] = v >= 0x20 && v < 0x7f ? (char) v : '.';
            }
            out.append(" | ");
            for (int d = offsetDigits - 1; d >= 0; d--) out.append(HEX[(int) (at >>> (4 * d)) & 0xf]);
            out.append("  ").append(line).append(" |\n");
        }
    }
}
