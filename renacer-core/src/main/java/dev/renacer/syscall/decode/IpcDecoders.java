package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.Num;

/**
 * System V IPC's keys and the flags beside the mode of shmget, semget and msgget, as strace 6.1 prints them:
 * {@code IPC_CREAT|0600}, {@code 000}, {@code IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600}.
 */
final class IpcDecoders {
    private IpcDecoders() {}

    private static final FlagSet KEYS = Flags.get("ipc_key");
    private static final FlagSet GET_FLAGS = Flags.get("ipc_get_flags"), SHM_GET_FLAGS = Flags.get("shm_get_flags");
    private static final int MODE_BITS = 0777;
    /** shmget's huge page size, log2, in bits 26..31. */
    private static final int SHM_HUGE_SHIFT = 26;
    private static final long SHM_HUGE_BITS = 0x3fL << SHM_HUGE_SHIFT;

    static void register(ArgDecoder[] byKind) {
        byKind[ArgKind.IPC_KEY.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { KEYS.append(c.arg(i) & 0xffffffffL, out); }
        };
        byKind[ArgKind.IPC_GET_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long value = c.arg(i) & 0xffffffffL;
                if (GET_FLAGS.appendBits(value & ~MODE_BITS, out)) out.append('|');
                Num.appendOctalMode(value & MODE_BITS, out);
            }
        };
        byKind[ArgKind.SHM_GET_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long value = c.arg(i) & 0xffffffffL;
                long huge = value & SHM_HUGE_BITS, flags = value & ~MODE_BITS & ~SHM_HUGE_BITS;
                SHM_GET_FLAGS.appendBits(flags, out);
                if (huge != 0) {
                    if (flags != 0) out.append('|');
                    out.append(huge >>> SHM_HUGE_SHIFT).append("<<SHM_HUGE_SHIFT");
                }
                if (flags != 0 || huge != 0) out.append('|');
                Num.appendOctalMode(value & MODE_BITS, out);
            }
        };
    }
}
