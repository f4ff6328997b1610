package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** Decoders of arguments that point into the tracee: strings, buffers and string arrays. */
final class MemoryDecoders {
    private MemoryDecoders() {}

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.PATH.ordinal()] = (c, i, out) -> reader.appendPath(c.tid, c.arg(i), out);
        byKind[ArgKind.STR.ordinal()] = (c, i, out) -> reader.appendString(c.tid, c.arg(i), out);
        byKind[ArgKind.INBUF.ordinal()] = (c, i, out) -> reader.appendBuffer(c.tid, c.arg(i), c.arg(i + 1), out);
        byKind[ArgKind.OUTBUF.ordinal()] = (c, i, out) -> {
            if (c.failed()) Num.appendAddress(c.arg(i), out);
            else reader.appendBuffer(c.tid, c.arg(i), c.returnValue, out);
        };
        byKind[ArgKind.OUTPATH.ordinal()] = (c, i, out) -> {
            if (c.failed()) Num.appendAddress(c.arg(i), out);
            else reader.appendPath(c.tid, c.arg(i), out);
        };
        byKind[ArgKind.RANDOM_OUT.ordinal()] = (c, i, out) -> {
            if (c.failed()) Num.appendAddress(c.arg(i), out);
            else reader.appendBufferHex(c.tid, c.arg(i), c.returnValue, out);
        };
        byKind[ArgKind.DIRENTS_OUT.ordinal()] = (c, i, out) -> {
            Num.appendAddress(c.arg(i), out);
            int entries = c.failed() ? -1 : reader.countDirents(c.tid, c.arg(i), c.returnValue);
            if (entries >= 0) out.append(" /* ").append(entries).append(entries == 1 ? " entry */" : " entries */");
        };
        byKind[ArgKind.UNAME_OUT.ordinal()] = (c, i, out) -> {
            // struct utsname: six 65-byte fields; strace shows the first two without -v.
            byte[] uts = reader.readOutputOrPrintAddress(c, c.arg(i), 130, out);
            if (uts == null) return;
            out.append("{sysname=");
            reader.quote(uts, 0, cStringLength(uts, 0, 65), out);
            out.append(", nodename=");
            reader.quote(uts, 65, cStringLength(uts, 65, 65), out);
            out.append(", ...}");
        };
        byKind[ArgKind.IOVEC.ordinal()] = new IovecDecoder(reader, false);
        byKind[ArgKind.IOVEC_OUT.ordinal()] = new IovecDecoder(reader, true);
        byKind[ArgKind.ARGV.ordinal()] = new ArgvDecoder(reader);
        byKind[ArgKind.ENVP.ordinal()] = new EnvpDecoder(reader);
    }

    private static int cStringLength(byte[] b, int from, int max) {
        int n = 0;
        while (n < max && b[from + n] != 0) n++;
        return n;
    }

    /**
     * {@code [{iov_base="hello", iov_len=5}, {iov_base="\n", iov_len=1}]}: at most -s elements, each buffer
     * bounded by -s and, for a call that fills them, by what is left of the returned length; a failed
     * call shows each iov_base as an address.
     */
    private static final class IovecDecoder implements ArgDecoder, TraceeReader.ElementPrinter {
        private static final int IOVEC_SIZE = 16;
        private final TraceeReader reader;
        private final boolean filled;
        // the call being printed, for the element printer
        private int tid;
        private boolean failed;
        private long budget;

        IovecDecoder(TraceeReader reader, boolean filled) {
            this.reader = reader;
            this.filled = filled;
        }

        @Override public void append(Call c, int i, StringBuilder out) {
            tid = c.tid;
            failed = c.failed();
            budget = filled && !failed ? c.returnValue : Long.MAX_VALUE;
            reader.appendArray(c.tid, c.arg(i), c.arg(i + 1), IOVEC_SIZE, this, out);
        }

        @Override public void append(byte[] iov, StringBuilder out) {
            long base = LittleEndian.i64(iov, 0);
            long length = LittleEndian.i64(iov, 8);
            out.append("{iov_base=");
            if (failed) {
                Num.appendAddress(base, out);
            } else {
                long shown = Math.min(length, budget);
                reader.appendBuffer(tid, base, shown, out);
                budget -= shown;
            }
            out.append(", iov_len=");
            Num.appendUnsigned(length, out);
            out.append('}');
        }
    }

    /** execve's argv: {@code ["ls", "-la"]}; like strace, at most -s elements, then "...". */
    private static final class ArgvDecoder implements ArgDecoder {
        private final TraceeReader reader;
        private final long[] pointer = new long[1];

        ArgvDecoder(TraceeReader reader) { this.reader = reader; }

        @Override public void append(Call c, int i, StringBuilder out) {
            long array = c.arg(i);
            if (array == 0) {
                out.append("NULL");
                return;
            }
            if (!reader.readWord(c.tid, array, pointer)) {
                Num.appendHex(array, out);
                return;
            }
            out.append('[');
            for (int n = 0; pointer[0] != 0; n++) {
                if (n > 0) out.append(", ");
                if (n == reader.stringLimit()) {
                    out.append("...");
                    break;
                }
                reader.appendString(c.tid, pointer[0], out);
                if (!reader.readWord(c.tid, array + 8L * (n + 1), pointer)) {
                    out.append(", ...");
                    break;
                }
            }
            out.append(']');
        }
    }

    /** execve's envp, abbreviated as strace does without -v: {@code 0x7ffe3a2c1e08 /* 23 vars *\/}. */
    private static final class EnvpDecoder implements ArgDecoder {
        private final TraceeReader reader;
        private final long[] pointer = new long[1];

        EnvpDecoder(TraceeReader reader) { this.reader = reader; }

        @Override public void append(Call c, int i, StringBuilder out) {
            long array = c.arg(i);
            if (array == 0) {
                out.append("NULL");
                return;
            }
            int count = 0;
            while (reader.readWord(c.tid, array + 8L * count, pointer) && pointer[0] != 0) count++;
            Num.appendHex(array, out);
            out.append(" /* ").append(count).append(count == 1 ? " var */" : " vars */");
        }
    }
}
