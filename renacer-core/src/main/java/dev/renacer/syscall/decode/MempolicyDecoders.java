package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** The NUMA memory policy calls' mode and node mask (set_mempolicy, get_mempolicy, mbind), as strace 6.1's numa.c. */
final class MempolicyDecoders {
    private MempolicyDecoders() {}

    private static final FlagSet MODES = Flags.get("mpol_mode"), MODE_FLAGS = Flags.get("mpol_mode_flags");
    /** The mode flags' bits, OR-ed into a mode. */
    private static final long MODE_FLAG_BITS = MODE_FLAGS.value("MPOL_F_STATIC_NODES")
            | MODE_FLAGS.value("MPOL_F_RELATIVE_NODES") | MODE_FLAGS.value("MPOL_F_NUMA_BALANCING");
    private static final int BITS_PER_LONG = 64;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.MPOL_MODE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendMode(c.arg(i) & 0xffffffffL, out); }
        };
        byKind[ArgKind.MPOL_MODE_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] mode = reader.readOutputOrPrintAddress(c, c.arg(i), 4, out);
                if (mode == null) return;
                out.append('[');
                MODES.appendInt(LittleEndian.i32(mode, 0), out);
                out.append(']');
            }
        };
        byKind[ArgKind.NODEMASK.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendNodemask(c, c.arg(i), c.arg(i + 1), reader, out); }
        };
    }

    /** {@code MPOL_BIND}, {@code MPOL_BIND|MPOL_F_STATIC_NODES}; with an unknown mode, every bit as flags. */
    private static void appendMode(long mode, StringBuilder out) {
        long flags = mode & MODE_FLAG_BITS;
        if (flags == 0) {
            MODES.append(mode, out);
            return;
        }
        String name = MODES.nameOf(mode & ~MODE_FLAG_BITS);
        if (name == null) {
            MODE_FLAGS.append(mode, out);
            return;
        }
        out.append(name).append('|');
        MODE_FLAGS.appendBits(flags, out);
    }

    /**
     * A node mask of {@code maxnodes} bits, as longs: {@code [0x00000000000001]} (strace's %#0*lx of a long's
     * width, so 0 is sixteen zeros); the address for a size the kernel would not accept.
     */
    private static void appendNodemask(Call c, long address, long maxnodes, TraceeReader reader, StringBuilder out) {
        long longs = Long.divideUnsigned(maxnodes + BITS_PER_LONG - 2, BITS_PER_LONG);
        if (Long.compareUnsigned(longs, Long.divideUnsigned(maxnodes, BITS_PER_LONG)) < 0 || (maxnodes != 0 && longs == 0)
                || (c.failed() && address != 0)) {
            Num.appendAddress(address, out);
            return;
        }
        reader.appendArray(c.tid, address, longs, 8, NODE, out);
    }

    private static final TraceeReader.ElementPrinter NODE = (word, out) -> {
        long value = LittleEndian.i64(word, 0);
        if (value == 0) {
            out.append("0000000000000000");
            return;
        }
        out.append("0x");
        Num.appendHexDigits(value, 14, out);
    };
}
