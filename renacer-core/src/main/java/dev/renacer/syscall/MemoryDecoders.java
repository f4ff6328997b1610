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
        byKind[ArgKind.ARGV.ordinal()] = new ArgvDecoder(reader);
        byKind[ArgKind.ENVP.ordinal()] = new EnvpDecoder(reader);
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
