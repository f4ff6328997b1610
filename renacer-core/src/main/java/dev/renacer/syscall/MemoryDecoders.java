package dev.renacer.syscall;

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
            byte[] uts = c.failed() ? null : reader.readStruct(c.tid, c.arg(i), 130);
            if (uts == null) {
                Num.appendAddress(c.arg(i), out);
                return;
            }
            out.append("{sysname=");
            TraceeReader.appendQuoted(uts, 0, cStringLength(uts, 0, 65), out);
            out.append(", nodename=");
            TraceeReader.appendQuoted(uts, 65, cStringLength(uts, 65, 65), out);
            out.append(", ...}");
        };
        byKind[ArgKind.IOCTL_CMD.ordinal()] = (c, i, out) -> Flags.IOCTL.append(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.FADVISE.ordinal()] = (c, i, out) -> Flags.FADVISE.append(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.ARGV.ordinal()] = new ArgvDecoder(reader);
        byKind[ArgKind.ENVP.ordinal()] = new EnvpDecoder(reader);
    }

    private static int cStringLength(byte[] b, int from, int max) {
        int n = 0;
        while (n < max && b[from + n] != 0) n++;
        return n;
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
