package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.Num;

/**
 * mount's type, flags and data. Which of type and data strace reads as strings depends on the flags:
 * a remount has no type, and a bind, move or propagation change has neither (they print as addresses).
 */
final class MountDecoders {
    private MountDecoders() {}

    private static final FlagSet MOUNT = Flags.get("mount_flags");
    private static final long MS_MGC_VAL = 0xc0ed0000L, MS_MGC_MSK = 0xffff0000L;
    private static final long MS_REMOUNT = MOUNT.value("MS_REMOUNT");
    private static final long NO_TYPE_NOR_DATA = MOUNT.value("MS_BIND") | MOUNT.value("MS_MOVE") | MOUNT.value("MS_SHARED")
            | MOUNT.value("MS_PRIVATE") | MOUNT.value("MS_SLAVE") | MOUNT.value("MS_UNBINDABLE");
    // mount(source, target, filesystemtype, mountflags, data)
    private static final int FLAGS = 3;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.MOUNT_TYPE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long flags = withoutMagic(c.arg(FLAGS));
                if ((flags & MS_REMOUNT) != 0 || (flags & NO_TYPE_NOR_DATA) != 0) Num.appendAddress(c.arg(i), out);
                else reader.appendString(c.tid, c.arg(i), out);
            }
        };
        byKind[ArgKind.MOUNT_DATA.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long flags = withoutMagic(c.arg(FLAGS));
                if ((flags & MS_REMOUNT) == 0 && (flags & NO_TYPE_NOR_DATA) != 0) Num.appendAddress(c.arg(i), out);
                else reader.appendString(c.tid, c.arg(i), out);
            }
        };
        byKind[ArgKind.MOUNT_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long raw = c.arg(i);
                if (!magic(raw)) {
                    MOUNT.append(raw, out);
                    return;
                }
                out.append("MS_MGC_VAL");
                long flags = withoutMagic(raw);
                if (flags != 0) {
                    out.append('|');
                    MOUNT.append(flags, out);
                }
            }
        };
    }

    private static boolean magic(long flags) {
        return (flags & MS_MGC_MSK) == MS_MGC_VAL;
    }

    /**
     * The flags with the old magic removed. strace 6.1 clears it with a 32-bit mask complement, which
     * also drops bits 32..63: {@code 0x1c0ed0000} prints as MS_MGC_VAL alone, and so does it here.
     */
    private static long withoutMagic(long flags) {
        return magic(flags) ? flags & ~MS_MGC_MSK & 0xffffffffL : flags;
    }
}
