package dev.renacer.syscall;

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
        byKind[ArgKind.STATFS_OUT.ordinal()] = (c, i, out) -> {
            byte[] st = c.failed() ? null : reader.readStruct(c.tid, c.arg(i), STATFS_SIZE);
            if (st == null) Num.appendAddress(c.arg(i), out);
            else appendStatfs(st, out);
        };
        byKind[ArgKind.SYSINFO_OUT.ordinal()] = (c, i, out) -> {
            byte[] si = c.failed() ? null : reader.readStruct(c.tid, c.arg(i), SYSINFO_SIZE);
            if (si == null) Num.appendAddress(c.arg(i), out);
            else appendSysinfo(si, out);
        };
    }

    /** {@code {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_fsid={val=[0x1, 0x2]}, ..., f_flags=ST_VALID|ST_RELATIME}}. */
    static void appendStatfs(byte[] st, StringBuilder out) {
        out.append("{f_type=");
        Flags.FSMAGIC.append(SiginfoFormat.i64(st, F_TYPE), out);
        out.append(", f_bsize=").append(SiginfoFormat.i64(st, F_BSIZE));
        unsigned(", f_blocks=", st, F_BLOCKS, out);
        unsigned(", f_bfree=", st, F_BFREE, out);
        unsigned(", f_bavail=", st, F_BAVAIL, out);
        unsigned(", f_files=", st, F_FILES, out);
        unsigned(", f_ffree=", st, F_FFREE, out);
        out.append(", f_fsid={val=[");
        Num.appendHexOrZero(SiginfoFormat.i32(st, F_FSID) & 0xffffffffL, out);
        out.append(", ");
        Num.appendHexOrZero(SiginfoFormat.i32(st, F_FSID + 4) & 0xffffffffL, out);
        out.append("]}, f_namelen=").append(SiginfoFormat.i64(st, F_NAMELEN));
        out.append(", f_frsize=").append(SiginfoFormat.i64(st, F_FRSIZE));
        out.append(", f_flags=");
        Flags.STATFS_FLAGS.append(SiginfoFormat.i64(st, F_FLAGS), out);
        out.append('}');
    }

    /** {@code {uptime=2184, loads=[302752, 382080, 282944], totalram=..., procs=92, ..., mem_unit=1}}. */
    static void appendSysinfo(byte[] si, StringBuilder out) {
        out.append("{uptime=").append(SiginfoFormat.i64(si, UPTIME));
        out.append(", loads=[");
        for (int n = 0; n < 3; n++) {
            if (n > 0) out.append(", ");
            Num.appendUnsigned(SiginfoFormat.i64(si, LOADS + 8 * n), out);
        }
        out.append(']');
        unsigned(", totalram=", si, TOTALRAM, out);
        unsigned(", freeram=", si, FREERAM, out);
        unsigned(", sharedram=", si, SHAREDRAM, out);
        unsigned(", bufferram=", si, BUFFERRAM, out);
        unsigned(", totalswap=", si, TOTALSWAP, out);
        unsigned(", freeswap=", si, FREESWAP, out);
        out.append(", procs=").append((si[PROCS] & 0xff) | (si[PROCS + 1] & 0xff) << 8);
        unsigned(", totalhigh=", si, TOTALHIGH, out);
        unsigned(", freehigh=", si, FREEHIGH, out);
        out.append(", mem_unit=").append(SiginfoFormat.i32(si, MEM_UNIT) & 0xffffffffL).append('}');
    }

    private static void unsigned(String name, byte[] b, int at, StringBuilder out) {
        out.append(name);
        Num.appendUnsigned(SiginfoFormat.i64(b, at), out);
    }
}
