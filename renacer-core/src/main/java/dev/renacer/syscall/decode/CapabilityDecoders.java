package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/**
 * capget and capset: the header {version, pid}, and the effective, permitted and inheritable sets as
 * strace prints them, {@code 1<<CAP_CHOWN|1<<CAP_KILL}, one 32-bit word or two depending on the version.
 */
final class CapabilityDecoders {
    private CapabilityDecoders() {}

    private static final FlagSet VERSION = Flags.get("cap_version");
    private static final int VERSION_2 = (int) VERSION.value("_LINUX_CAPABILITY_VERSION_2");
    private static final int VERSION_3 = (int) VERSION.value("_LINUX_CAPABILITY_VERSION_3");
    private static final int DATA_SIZE = 12;
    private static final String[] FIELDS = {"effective=", ", permitted=", ", inheritable="};
    /** "1<<CAP_CHOWN" for each capability bit strace names, null for the others; built once. */
    private static final String[] BIT_NAMES = new String[64];

    static {
        for (int bit = 0; bit < 64; bit++) {
            String name = Flags.CAPABILITY.nameOf(bit);
            if (name != null) BIT_NAMES[bit] = "1<<" + name;
        }
    }

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.CAP_HEADER.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] h = reader.readOrPrintAddress(c.tid, c.arg(i), 8, out);
                if (h == null) return;
                int version = LittleEndian.i32(h, 0);
                out.append("{version=");
                if (VERSION.nameOf(version & 0xffffffffL) != null) VERSION.append(version & 0xffffffffL, out);
                else {
                    Num.appendHexOrZero(version & 0xffffffffL, out);
                    out.append(" /* _LINUX_CAPABILITY_VERSION_??? */");
                }
                out.append(", pid=").append(LittleEndian.i32(h, 4)).append('}');
            }
        };
        ArgDecoder data = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // The header says how many words; capget reads it again after the call, as strace does.
                byte[] h = c.failed() ? null : reader.readStruct(c.tid, c.arg(i - 1), 8);
                if (h == null || c.arg(i) == 0) {
                    Num.appendAddress(c.arg(i), out);
                    return;
                }
                int version = LittleEndian.i32(h, 0);
                int words = version == VERSION_2 || version == VERSION_3 ? 2 : 1;
                byte[] d = reader.readOrPrintAddress(c.tid, c.arg(i), words * DATA_SIZE, out);
                if (d == null) return;
                out.append('{');
                for (int f = 0; f < 3; f++) {
                    out.append(FIELDS[f]);
                    int lo = LittleEndian.i32(d, 4 * f);
                    int hi = words > 1 ? LittleEndian.i32(d, DATA_SIZE + 4 * f) : 0;
                    appendBits(lo, hi, out);
                }
                out.append('}');
            }
        };
        byKind[ArgKind.CAP_DATA.ordinal()] = data;
        byKind[ArgKind.CAP_DATA_OUT.ordinal()] = data;
    }

    /** The low word unless only the high word has bits, then the high word, each with its own leftovers. */
    private static void appendBits(int lo, int hi, StringBuilder out) {
        if (lo != 0 || hi == 0) appendWord(lo, 0, out);
        if (hi != 0) {
            if (lo != 0) out.append('|');
            appendWord(hi, 32, out);
        }
    }

    private static void appendWord(int word, int firstBit, StringBuilder out) {
        if (word == 0) {
            out.append('0');
            return;
        }
        long rest = word & 0xffffffffL;
        boolean any = false;
        for (int b = 0; b < 32; b++) {
            String name = BIT_NAMES[firstBit + b];
            if ((rest & (1L << b)) == 0 || name == null) continue;
            if (any) out.append('|');
            out.append(name);
            rest &= ~(1L << b);
            any = true;
        }
        if (rest == 0) return;
        if (any) out.append('|');
        Num.appendHex(rest, out);
        if (!any) out.append(" /* CAP_??? */");
    }
}
