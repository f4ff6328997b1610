package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** statfs and sysinfo, whose structs strace prints in full even without -v. */
final class SystemStructDecoders {
    private SystemStructDecoders() {}

    // struct statfs on x86_64: longs, except the two-int f_fsid
    private static final int STATFS_SIZE = 120, F_TYPE = 0, F_BSIZE = 8, F_BLOCKS = 16, F_BFREE = 24, F_BAVAIL = 32;
    private static final int F_FILES = 40, F_FFREE = 48, F_FSID = 56, F_NAMELEN = 64, F_FRSIZE = 72, F_FLAGS = 80;
    // struct sysinfo on x86_64
    private static final int SYSINFO_SIZE = 112, UPTIME = 0, LOADS = 8, TOTALRAM = 32, FREERAM = 40, SHAREDRAM = 48;
    private static final int BUFFERRAM = 56, TOTALSWAP = 64, FREESWAP = 72, PROCS = 80, TOTALHIGH = 88, FREEHIGH = 96;
    private static final int MEM_UNIT = 104;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.STATFS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] st = reader.readOutputOrPrintAddress(c, c.arg(i), STATFS_SIZE, out);
                if (st != null) appendStatfs(st, out);
            }
        };
        byKind[ArgKind.SYSINFO_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] si = reader.readOutputOrPrintAddress(c, c.arg(i), SYSINFO_SIZE, out);
                if (si != null) appendSysinfo(si, out);
            }
        };
    }

    /** {@code {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_fsid={val=[0x1, 0x2]}, ..., f_flags=ST_VALID|ST_RELATIME}}. */
    static void appendStatfs(byte[] st, StringBuilder out) {
        out.append("{f_type=");
        Flags.FSMAGIC.append(LittleEndian.i64(st, F_TYPE), out);
        out.append(", f_bsize=").append(LittleEndian.i64(st, F_BSIZE));
        unsigned(", f_blocks=", st, F_BLOCKS, out);
        unsigned(", f_bfree=", st, F_BFREE, out);
        unsigned(", f_bavail=", st, F_BAVAIL, out);
        unsigned(", f_files=", st, F_FILES, out);
        unsigned(", f_ffree=", st, F_FFREE, out);
        out.append(", f_fsid={val=[");
        Num.appendHexOrZero(LittleEndian.u32(st, F_FSID), out);
        out.append(", ");
        Num.appendHexOrZero(LittleEndian.u32(st, F_FSID + 4), out);
        out.append("]}, f_namelen=").append(LittleEndian.i64(st, F_NAMELEN));
        out.append(", f_frsize=").append(LittleEndian.i64(st, F_FRSIZE));
        out.append(", f_flags=");
        Flags.STATFS_FLAGS.append(LittleEndian.i64(st, F_FLAGS), out);
        out.append('}');
    }

    /** {@code {uptime=2184, loads=[302752, 382080, 282944], totalram=..., procs=92, ..., mem_unit=1}}. */
    static void appendSysinfo(byte[] si, StringBuilder out) {
        out.append("{uptime=").append(LittleEndian.i64(si, UPTIME));
        out.append(", loads=[");
        for (int n = 0; n < 3; n++) {
            if (n > 0) out.append(", ");
            Num.appendUnsigned(LittleEndian.i64(si, LOADS + 8 * n), out);
        }
        out.append(']');
        unsigned(", totalram=", si, TOTALRAM, out);
        unsigned(", freeram=", si, FREERAM, out);
        unsigned(", sharedram=", si, SHAREDRAM, out);
        unsigned(", bufferram=", si, BUFFERRAM, out);
        unsigned(", totalswap=", si, TOTALSWAP, out);
        unsigned(", freeswap=", si, FREESWAP, out);
        out.append(", procs=").append(LittleEndian.u16(si, PROCS));
        unsigned(", totalhigh=", si, TOTALHIGH, out);
        unsigned(", freehigh=", si, FREEHIGH, out);
        out.append(", mem_unit=").append(LittleEndian.u32(si, MEM_UNIT)).append('}');
    }

    private static void unsigned(String name, byte[] b, int at, StringBuilder out) {
        out.append(name);
        Num.appendUnsigned(LittleEndian.i64(b, at), out);
    }
}
