package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;

/** Decoders of arguments that are the register value itself: integers, addresses, fds, flags. */
final class ScalarDecoders {
    private ScalarDecoders() {}

    private static final FlagSet OPEN_ACCESS = Flags.get("open_access_mode");
    /** The access mode's bits, which strace also names when they are all set. */
    private static final long O_ACCMODE = OPEN_ACCESS.value("O_ACCMODE");
    /** open's mode is an argument only when the flags ask for a file to be made. */
    private static final long MODE_USED = Flags.OPEN.value("O_CREAT") | Flags.OPEN.value("__O_TMPFILE");
    private static final FlagSet MREMAP = Flags.get("mremap_flags");
    /** mremap reads a new address only when asked to move the mapping there. */
    private static final long MREMAP_MOVE_TO = MREMAP.value("MREMAP_MAYMOVE") | MREMAP.value("MREMAP_FIXED");
    // mremap(old_address, old_size, new_size, flags, new_address)
    private static final int MREMAP_FLAGS = 3;
    /** The kernel's MAP_TYPE mask: the mapping type is a value in these bits, not flags. */
    private static final int MAP_TYPE = 0xf;

    static void register(ArgDecoder[] byKind) {
        byKind[ArgKind.HEX.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Num.appendHexOrZero(c.arg(i), out); }
        };
        byKind[ArgKind.UNDECODED.ordinal()] = byKind[ArgKind.HEX.ordinal()];
        byKind[ArgKind.SKIPPED.ordinal()] = new ArgDecoder() {
            @Override public void append(Call c, int i, StringBuilder out) {}
            @Override public boolean shown(long[] args, int i) { return false; }
        };
        byKind[ArgKind.FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { SyscallTable.flagSet(c.number, i).appendInt(c.arg(i), out); }
        };
        byKind[ArgKind.INT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { out.append((int) c.arg(i)); }
        };
        byKind[ArgKind.UINT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { out.append(c.arg(i) & 0xffffffffL); }
        };
        byKind[ArgKind.LONG.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { out.append(c.arg(i)); }
        };
        byKind[ArgKind.ULONG.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Num.appendUnsigned(c.arg(i), out); }
        };
        byKind[ArgKind.PTR.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Num.appendAddress(c.arg(i), out); }
        };
        byKind[ArgKind.OPEN_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendOpenFlags(c.arg(i), out); }
        };
        byKind[ArgKind.OPEN_MODE.ordinal()] = new ArgDecoder() {
            @Override public void append(Call c, int i, StringBuilder out) { Num.appendOctalMode(c.arg(i), out); }
            @Override public boolean shown(long[] args, int i) {
                return i > 0 && (args[i - 1] & MODE_USED) != 0;
            }
        };
        byKind[ArgKind.MREMAP_ADDRESS.ordinal()] = new ArgDecoder() {
            @Override public void append(Call c, int i, StringBuilder out) { Num.appendAddress(c.arg(i), out); }
            @Override public boolean shown(long[] args, int i) {
                return (args[MREMAP_FLAGS] & MREMAP_MOVE_TO) == MREMAP_MOVE_TO;
            }
        };
        byKind[ArgKind.MODE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Num.appendOctalMode(c.arg(i) & 0xffffffffL, out); }
        };
        byKind[ArgKind.MAP_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendMapFlags(c.arg(i) & 0xffffffffL, out); }
        };
        byKind[ArgKind.SIGNAL.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Signals.appendName((int) c.arg(i), out); }
        };
    }

    /** The access mode always prints first (O_RDONLY is 0, so it cannot be a bit), then the other flags. */
    static void appendOpenFlags(long value, StringBuilder out) {
        long flags = value & 0xffffffffL;
        OPEN_ACCESS.append(flags & O_ACCMODE, out);
        long rest = flags & ~O_ACCMODE;
        if (rest != 0) {
            out.append('|');
            Flags.OPEN.appendBits(rest, out);
        }
    }

    /** The mapping type (MAP_PRIVATE...) is a value in the low bits, printed before the flag bits. */
    private static void appendMapFlags(long flags, StringBuilder out) {
        Flags.MAP_TYPE.append(flags & MAP_TYPE, out);
        long rest = flags & ~MAP_TYPE;
        if (rest != 0) {
            out.append('|');
            Flags.MAP.appendBits(rest, out);
        }
    }
}
