package dev.renacer.syscall.decode;

import java.util.Arrays;

import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.FileDescriptors;
import dev.renacer.syscall.TraceeMemory;

/**
 * Reads strings, words and structs out of a stopped tracee into buffers reused for every call, and
 * prints strings with strace's quoting. Used only on the tracer thread.
 */
final class TraceeReader {
    /** strace prints file names up to PATH_MAX, whatever -s says. */
    static final int PATH_MAX = 4096;

    private static final Quoter DEFAULT_QUOTER = new Quoter(HexStrings.NONE);

    private final TraceeMemory memory;
    private final int stringLimit;
    private final Quoter quoter;
    private final FdPrinter fdPrinter;
    /**
     * The call its decoder is decoding (the decoder's one reused {@link Call}): whether it is -e verbose= decides,
     * as in strace's umove_or_printaddr, whether structures are read or only their addresses printed.
     */
    private final Call decoding;
    /** Reused; grows to what a call needs (a -s limit of a gigabyte must not cost a gigabyte up front, as in strace). */
    private byte[] bytes = new byte[PATH_MAX + 1];
    private final byte[] word = new byte[8];

    TraceeReader(TraceeMemory memory, int stringLimit) {
        this(memory, stringLimit, HexStrings.NONE, null, java.util.Set.of(), new Call());
    }

    /**
     * @param hexStrings -x / -xx: how every string this reader prints is quoted
     * @param fds        where -y / -yy read what a descriptor refers to; null when {@code fdDetails} is empty
     * @param fdDetails  what is printed after a descriptor (-y: PATH)
     */
    TraceeReader(TraceeMemory memory, int stringLimit, HexStrings hexStrings, FileDescriptors fds,
                 java.util.Set<FdDetail> fdDetails, Call decoding) {
        this.decoding = decoding;
        this.memory = memory;
        this.stringLimit = stringLimit;
        this.quoter = hexStrings == HexStrings.NONE ? DEFAULT_QUOTER : new Quoter(hexStrings);
        this.fdPrinter = new FdPrinter(fds, fdDetails, quoter);
    }

    /** A descriptor of task {@code tid}, and under -y / -yy what it refers to: {@code 3</etc/passwd>} (strace's printfd). */
    void appendFd(int tid, int fd, StringBuilder out) {
        fdPrinter.append(tid, fd, out);
    }

    /** What follows AT_FDCWD under -y: the working directory of {@code tid}, {@code </home/me>}. */
    void appendWorkingDirectory(int tid, StringBuilder out) {
        fdPrinter.appendWorkingDirectory(tid, out);
    }

    private final dev.renacer.syscall.LocalTimes dates = new dev.renacer.syscall.LocalTimes();

    /** How times are printed in comments ({@code /* 2023-05-27T17:58:21+0000 *\/}), in the local zone as strace's localtime. */
    dev.renacer.syscall.LocalTimes dates() { return dates; }

    /** How this reader quotes (-x, -xx), for decoders that print bytes they read themselves. */
    Quoter quoter() { return quoter; }

    /** {@code length} bytes of {@code src} from {@code from}, quoted as -x / -xx say. */
    void quote(byte[] src, int from, int length, StringBuilder out) {
        quoter.quote(src, from, length, out);
    }

    /** The reused buffer, at least {@code length} bytes long, with what it held. */
    private byte[] buffer(int length) {
        if (bytes.length < length) bytes = Arrays.copyOf(bytes, Math.max(length, (int) Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
        return bytes;
    }

    int stringLimit() { return stringLimit; }

    /** Reads up to {@code length} bytes at {@code address} into {@code dst}: how many were read, or -1. */
    int readInto(int tid, long address, byte[] dst, int length) {
        return memory.read(tid, address, dst, 0, length);
    }

    /** Reads {@code length} bytes into a reused buffer; returns the buffer, or null unless all were read. */
    byte[] readStruct(int tid, long address, int length) {
        if (address == 0) return null;
        byte[] buffer = buffer(length);
        int got = memory.read(tid, address, buffer, 0, length);
        return got == length ? buffer : null;
    }

    /**
     * Read it or say where it was (strace's umove_or_printaddr), for what a call reads: the {@code length} bytes
     * at {@code address} in a reused buffer; or null, after appending the address ({@code NULL}, or hex), when
     * the pointer is null or the memory cannot be read whole.
     */
    byte[] readOrPrintAddress(int tid, long address, int length, StringBuilder out) {
        byte[] bytes = decoding.verbose ? readStruct(tid, address, length) : null;
        if (bytes == null) Num.appendAddress(address, out);
        return bytes;
    }

    /**
     * As {@link #readOrPrintAddress(int, long, int, StringBuilder)}, for what a call writes: a call that failed
     * wrote nothing, so only its address is printed, as strace does at the exit stop of a failed call.
     */
    byte[] readOutputOrPrintAddress(Call c, long address, int length, StringBuilder out) {
        if (!c.failed()) return readOrPrintAddress(c.tid, address, length, out);
        Num.appendAddress(address, out);
        return null;
    }

    /** How much a decoder that walks a long area reads at a time. */
    int chunkSize() { return PATH_MAX; }

    /** True when all {@code length} bytes at {@code address} can be read (strace's umoven succeeds). */
    boolean readable(int tid, long address, long length) {
        if (address == 0) return false;
        int chunk = chunkSize();
        for (long offset = 0; offset < length; offset += chunk) {
            int n = (int) Math.min(chunk, length - offset);
            if (memory.read(tid, address + offset, buffer(n), 0, n) != n) return false;
        }
        return true;
    }

    /** Reads one 8-byte word into {@code dst[0]}; false when unreadable. */
    boolean readWord(int tid, long address, long[] dst) {
        if (memory.read(tid, address, word, 0, 8) != 8) return false;
        dst[0] = LittleEndian.i64(word, 0);
        return true;
    }

    /**
     * Appends a buffer of known length as strace does: at most -s bytes quoted, then "..." when the
     * buffer was longer; the address in hex when it cannot be read.
     */
    void appendBuffer(int tid, long address, long length, StringBuilder out) {
        appendBuffer(tid, address, length, false, out);
    }

    /** As {@link #appendBuffer}, but every byte as \\xHH: strace's form for data that is not text (getrandom). */
    void appendBufferHex(int tid, long address, long length, StringBuilder out) {
        appendBuffer(tid, address, length, true, false, out);
    }

    /** As {@link #appendBuffer}, without the last byte shown when it is a NUL (strace's QUOTE_OMIT_TRAILING_0: xattr values). */
    void appendBufferOmittingTrailingNul(int tid, long address, long length, StringBuilder out) {
        appendBuffer(tid, address, length, false, true, out);
    }

    private void appendBuffer(int tid, long address, long length, boolean hex, StringBuilder out) {
        appendBuffer(tid, address, length, hex, false, out);
    }

    private void appendBuffer(int tid, long address, long length, boolean hex, boolean omitTrailingNul, StringBuilder out) {
        if (address == 0) {
            out.append("NULL");
            return;
        }
        int shown = (int) Math.min(Math.max(length, 0), stringLimit);
        int got = shown == 0 ? 0 : memory.read(tid, address, buffer(shown), 0, shown);
        if (got < 0) {
            Num.appendHex(address, out);
            return;
        }
        if (hex) Quoter.quoteHex(bytes, 0, got, out);
        else quoter.quote(bytes, 0, omitTrailingNul && got > 0 && bytes[got - 1] == 0 ? got - 1 : got, out);
        if (length > got) out.append("...");
    }

    /** Prints one element of an array read by {@link #appendArray}; implementations must not allocate. */
    interface ElementPrinter {
        void append(byte[] element, StringBuilder out);
    }

    /** As {@link ElementPrinter}, for elements printed with the task they belong to (a pollfd's descriptor under -y). */
    interface TaskElementPrinter {
        void append(int tid, byte[] element, StringBuilder out);
    }

    void appendArray(int tid, long address, long count, int size, ElementPrinter printer, StringBuilder out) {
        appendArray(tid, address, count, size, printer, null, out);
    }

    void appendArray(int tid, long address, long count, int size, TaskElementPrinter printer, StringBuilder out) {
        appendArray(tid, address, count, size, null, printer, out);
    }

    /**
     * Appends {@code count} structs of {@code size} bytes at {@code address} as strace bounds arrays:
     * {@code [e0, e1, ...]} with at most -s elements, NULL for a null pointer, the address in hex when the
     * first element cannot be read, and "..." followed by the unreadable element's address in a C
     * comment where a later one cannot (strace's print_array).
     */
    /** One of {@code printer} and {@code taskPrinter} is given. */
    private void appendArray(int tid, long address, long count, int size, ElementPrinter printer,
                             TaskElementPrinter taskPrinter, StringBuilder out) {
        if (address == 0 || !decoding.verbose) {
            Num.appendAddress(address, out);
            return;
        }
        // As print_array: each element is read before the -s bound is checked, so an unreadable one past the
        // bound still shows as "... /* 0x... */", and an unreadable first one as the address even at -s 0.
        for (long n = 0; n < count; n++) {
            byte[] element = readStruct(tid, address + size * n, size);
            if (element == null) {
                if (n == 0) {
                    Num.appendHex(address, out);
                    return;
                }
                out.append(", ... /* ");
                Num.appendHex(address + size * n, out);
                out.append(" */]");
                return;
            }
            out.append(n == 0 ? "[" : ", ");
            if (n == stringLimit) {
                out.append("...");
                break;
            }
            if (printer != null) printer.append(element, out);
            else taskPrinter.append(tid, element, out);
        }
        if (count == 0) out.append('[');
        out.append(']');
    }


    /** Counts the records of a getdents64 buffer of {@code length} bytes; -1 when it cannot be read. */
    int countDirents(int tid, long address, long length) {
        int count = 0;
        // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name
        for (long offset = 0; offset + 19 <= length; count++) {
            if (memory.read(tid, address + offset + 16, word, 0, 2) != 2) return -1;
            int reclen = LittleEndian.u16(word, 0);
            if (reclen == 0) break;
            offset += reclen;
        }
        return count;
    }

    /** A NUL-terminated string bounded by -s (argv elements, names). */
    void appendString(int tid, long address, StringBuilder out) {
        appendTerminated(tid, address, stringLimit, out);
    }

    /**
     * A NUL-terminated string in a field of {@code fieldSize} bytes (a task's comm), as strace's printstr_ex
     * with QUOTE_0_TERMINATED prints it: at most min(-s, size) bytes, and "..." unless a NUL ends the string
     * within them (or, when -s is the smaller, right after them). So a 15-byte PR_SET_NAME, which fills the
     * 15 bytes strace reads, prints with "...".
     */
    void appendStringField(int tid, long address, int fieldSize, StringBuilder out) {
        if (address == 0) {
            out.append("NULL");
            return;
        }
        int want = (int) Math.min((long) stringLimit + 1, fieldSize);
        int got = want == 0 ? 0 : memory.read(tid, address, buffer(want), 0, want);
        if (got <= 0 && want > 0) {
            Num.appendHex(address, out);
            return;
        }
        int length = 0;
        while (length < got && bytes[length] != 0) length++;
        boolean ended = length < got;
        appendQuoted(bytes, Math.min(length, stringLimit), out);
        if (!ended && fieldSize > 0) out.append("...");
    }

    /** A file name of at most {@code limit} bytes (strace's printpathn): {@code "..."} after it when it is longer. */
    void appendPath(int tid, long address, int limit, StringBuilder out) {
        appendTerminated(tid, address, Math.max(0, Math.min(limit, PATH_MAX)), out);
    }

    /** A file name: NUL-terminated, bounded by PATH_MAX, not by -s. */
    void appendPath(int tid, long address, StringBuilder out) {
        appendTerminated(tid, address, PATH_MAX, out);
    }

    private void appendTerminated(int tid, long address, int limit, StringBuilder out) {
        if (address == 0) {
            out.append("NULL");
            return;
        }
        // One byte past the limit tells a string of exactly `limit` bytes from a longer one. Read in growing
        // steps up to the NUL: the buffer grows with the string, not with the limit.
        int want = limit + 1;
        int got = 0;
        int step = Math.min(want, PATH_MAX + 1);
        while (got < want) {
            int n = Math.min(step, want - got);
            int read = memory.read(tid, address + got, buffer(got + n), got, n);
            if (read <= 0) break;
            int end = got + read;
            boolean terminated = false;
            for (int i = got; i < end && !terminated; i++) terminated = bytes[i] == 0;
            got = end;
            if (terminated || read < n) break;
            step = (int) Math.min(Integer.MAX_VALUE / 2, 2L * step);
        }
        if (got <= 0) {
            Num.appendHex(address, out);
            return;
        }
        int length = 0;
        while (length < got && bytes[length] != 0) length++;
        boolean truncated = length == got;
        if (length > limit) length = limit;
        quoter.quote(bytes, 0, length, out);
        if (truncated) out.append("...");
    }

    /** strace's default quoting (no -x): see {@link Quoter}. Decoders print through {@link #quote}, which honours -x. */
    static void appendQuoted(byte[] src, int length, StringBuilder out) {
        DEFAULT_QUOTER.quote(src, 0, length, out);
    }

    static void appendQuoted(byte[] src, int from, int length, StringBuilder out) {
        DEFAULT_QUOTER.quote(src, from, length, out);
    }
}
