package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** Decoders of arguments that point into the tracee: strings, buffers and string arrays. */
final class MemoryDecoders {
    private MemoryDecoders() {}

    private static final String[] UTSNAME_FIELDS = {"sysname", "nodename", "release", "version", "machine", "domainname"};
    /** The kernel's limit on an extended attribute's value. */
    private static final long XATTR_SIZE_MAX = 65536;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.PATH.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { reader.appendPath(c.tid, c.arg(i), out); }
        };
        byKind[ArgKind.STR.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { reader.appendString(c.tid, c.arg(i), out); }
        };
        byKind[ArgKind.INBUF.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { reader.appendBuffer(c.tid, c.arg(i), c.arg(i + 1), out); }
        };
        byKind[ArgKind.OUTBUF.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else reader.appendBuffer(c.tid, c.arg(i), c.returnValue, out);
            }
        };
        // setxattr's value: its length is the next argument; printed as getxattr's
        byKind[ArgKind.XATTR_VALUE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long length = c.arg(i + 1);
                if (Long.compareUnsigned(length, XATTR_SIZE_MAX) > 0) Num.appendAddress(c.arg(i), out);
                else reader.appendBufferOmittingTrailingNul(c.tid, c.arg(i), length, out);
            }
        };
        // getxattr's value: what it returned, its trailing NUL left out; more than XATTR_SIZE_MAX is an address
        byKind[ArgKind.XATTR_VALUE_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed() || c.returnValue > XATTR_SIZE_MAX) Num.appendAddress(c.arg(i), out);
                else reader.appendBufferOmittingTrailingNul(c.tid, c.arg(i), c.returnValue, out);
            }
        };
        // listxattr's names: with a size of 0 the call only measures, and strace shows the address
        byKind[ArgKind.XATTR_LIST_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed() || c.arg(i + 1) == 0) Num.appendAddress(c.arg(i), out);
                else reader.appendBuffer(c.tid, c.arg(i), c.returnValue, out);
            }
        };
        byKind[ArgKind.OUTPATH.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else reader.appendPath(c.tid, c.arg(i), out);
            }
        };
        byKind[ArgKind.RANDOM_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else reader.appendBufferHex(c.tid, c.arg(i), c.returnValue, out);
            }
        };
        byKind[ArgKind.DIRENTS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (!c.abbrev && !c.failed() && c.verbose && c.returnValue <= (c.arg(i + 1) & 0xffffffffL)) {
                    appendDirents(c, c.arg(i), (int) c.returnValue, reader, out);
                    return;
                }
                Num.appendAddress(c.arg(i), out);
                int entries = c.failed() ? -1 : reader.countDirents(c.tid, c.arg(i), c.returnValue);
                if (entries >= 0) out.append(" /* ").append(entries).append(entries == 1 ? " entry */" : " entries */");
            }
        };
        byKind[ArgKind.UNAME_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // struct utsname: six 65-byte fields; strace shows the first two without -v.
                byte[] uts = reader.readOutputOrPrintAddress(c, c.arg(i), c.abbrev ? 130 : 6 * 65, out);
                if (uts == null) return;
                out.append("{sysname=");
                reader.quote(uts, 0, cStringLength(uts, 0, 65), out);
                out.append(", nodename=");
                reader.quote(uts, 65, cStringLength(uts, 65, 65), out);
                if (!c.abbrev) { // -v: all six fields (struct utsname)
                    for (int f = 2; f < UTSNAME_FIELDS.length; f++) {
                        out.append(", ").append(UTSNAME_FIELDS[f]).append('=');
                        reader.quote(uts, 65 * f, cStringLength(uts, 65 * f, 65), out);
                    }
                    out.append('}');
                    return;
                }
                out.append(", ...}");
            }
        };
        byKind[ArgKind.IOVEC.ordinal()] = new IovecDecoder(reader, false);
        byKind[ArgKind.IOVEC_OUT.ordinal()] = new IovecDecoder(reader, true);
        ArgvDecoder argv = new ArgvDecoder(reader);
        byKind[ArgKind.ARGV.ordinal()] = argv;
        byKind[ArgKind.ENVP.ordinal()] = new EnvpDecoder(reader, argv);
    }

    private static final FlagSet DIRENT_TYPES = Flags.get("dirent_types");
    /** struct linux_dirent64 up to d_name: d_ino, d_off, d_reclen, d_type. */
    private static final int DIRENT_HEADER = 19;

    /**
     * getdents64's entries under -v, as strace's decode_dents prints them:
     * {@code [{d_ino=2, d_off=10, d_reclen=24, d_type=DT_DIR, d_name="."}, ...]}.
     */
    private static void appendDirents(Call c, long address, int length, TraceeReader reader, StringBuilder out) {
        int count = 0;
        long at = address;
        int left = length;
        while (true) {
            if (left < DIRENT_HEADER) {
                if (left == 0) {
                    if (count == 0) out.append('[');
                    count++;
                } else {
                    reader.appendBufferHex(c.tid, at, left, out);
                }
                break;
            }
            byte[] head = reader.readStruct(c.tid, at, DIRENT_HEADER);
            if (head == null) {
                if (count > 0) {
                    out.append("... /* ");
                    Num.appendHex(at, out);
                    out.append(" */");
                } else {
                    Num.appendAddress(at, out);
                }
                break;
            }
            if (count == 0) out.append('[');
            count++;
            long ino = LittleEndian.i64(head, 0), off = LittleEndian.i64(head, 8);
            int reclen = LittleEndian.u16(head, 16);
            int type = head[18] & 0xff;
            out.append("{d_ino=");
            Num.appendUnsigned(ino, out);
            out.append(", d_off=");
            Num.appendUnsigned(off, out);
            out.append(", d_reclen=").append(reclen);
            if (reclen > left) reclen = left;
            else if (reclen < DIRENT_HEADER) reclen = DIRENT_HEADER;
            int next = left - reclen;
            out.append(", d_type=");
            DIRENT_TYPES.append(type, out);
            int nameLength = reclen - DIRENT_HEADER;
            if (nameLength > 0) {
                out.append(", d_name=");
                reader.appendPath(c.tid, at + DIRENT_HEADER, Math.min(nameLength, 256) - 1, out);
            }
            out.append('}');
            if (next == 0) break;
            out.append(", ");
            at += reclen;
            left = next;
        }
        if (count > 0) out.append(']');
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
    static final class IovecDecoder implements ArgDecoder, TraceeReader.ElementPrinter {
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
            boolean failed = c.failed();
            appendIovecs(c.tid, c.arg(i), c.arg(i + 1), filled && !failed ? c.returnValue : Long.MAX_VALUE, failed, out);
        }

        /**
         * {@code count} iovecs at {@code address}, their buffers showing at most {@code budget} bytes in all (what
         * the call read or wrote), or only their addresses.
         */
        void appendIovecs(int tid, long address, long count, long budget, boolean addressesOnly, StringBuilder out) {
            this.tid = tid;
            this.failed = addressesOnly;
            this.budget = budget;
            reader.appendArray(tid, address, count, IOVEC_SIZE, this, out);
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
            appendArgv(c, c.arg(i), out);
        }

        /** strace's printargv: at most -s strings while abbreviated (not under -v); the address alone when not verbose. */
        void appendArgv(Call c, long array, StringBuilder out) {
            if (array == 0 || !c.verbose) {
                Num.appendAddress(array, out);
                return;
            }
            if (!reader.readWord(c.tid, array, pointer)) {
                Num.appendHex(array, out);
                return;
            }
            out.append('[');
            for (int n = 0; pointer[0] != 0; n++) {
                if (n > 0) out.append(", ");
                if (c.abbrev && n == reader.stringLimit()) {
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

        private final ArgvDecoder whole;

        EnvpDecoder(TraceeReader reader, ArgvDecoder whole) {
            this.reader = reader;
            this.whole = whole;
        }

        @Override public void append(Call c, int i, StringBuilder out) {
            long array = c.arg(i);
            if (!c.abbrev) { // -v: every variable, as argv is printed
                whole.appendArgv(c, array, out);
                return;
            }
            if (array == 0 || !c.verbose) {
                Num.appendAddress(array, out);
                return;
            }
            int count = 0;
            while (reader.readWord(c.tid, array + 8L * count, pointer) && pointer[0] != 0) count++;
            Num.appendHex(array, out);
            out.append(" /* ").append(count).append(count == 1 ? " var */" : " vars */");
        }
    }
}
