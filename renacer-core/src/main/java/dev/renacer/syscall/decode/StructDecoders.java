package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.LocalTimes;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;

/** Decoders of structs in tracee memory, abbreviated as strace prints them without -v. */
final class StructDecoders {
    private static final long UC_SIGMASK_OFFSET = 8 + 8 + 24 + 256;
    private StructDecoders() {}

    // struct stat on x86_64
    private static final int STAT_SIZE = 144, ST_MODE = 24, ST_RDEV = 40, ST_SIZE = 48;
    private static final int ST_DEV = 0, ST_INO = 8, ST_NLINK = 16, ST_UID = 28, ST_GID = 32, ST_BLKSIZE = 56, ST_BLOCKS = 64,
            ST_ATIME = 72;
    private static final String[] ST_TIMES = {"st_atime", "st_mtime", "st_ctime"};
    /** The file type's bits of a mode (a mask, not a name strace prints). */
    private static final int S_IFMT = 0170000;
    private static final long S_IFCHR = Flags.FILE_TYPE.value("S_IFCHR"), S_IFBLK = Flags.FILE_TYPE.value("S_IFBLK");
    // struct statx
    private static final int STATX_SIZE = 256, STX_MASK = 0, STX_ATTRIBUTES = 8, STX_MODE = 28, STX_SIZE = 40;
    private static final long STATX_SYNC_TYPE = 0x6000;
    // struct kernel_sigaction on x86_64: handler, flags, restorer, mask
    private static final int SIGACTION_SIZE = 32, SA_HANDLER = 0, SA_FLAGS = 8, SA_RESTORER_AT = 16, SA_MASK = 24;
    private static final long SA_RESTORER = Flags.SA.value("SA_RESTORER");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.STAT_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] st = reader.readOutputOrPrintAddress(c, c.arg(i), STAT_SIZE, out);
                if (st != null) appendStat(st, c.abbrev, reader.dates(), out);
            }
        };
        byKind[ArgKind.WAIT_STATUS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // written only when a child is reported: not after a failure, nor for 0 (WNOHANG, none ready)
                if (c.returnValue <= 0) {
                    Num.appendAddress(c.arg(i), out);
                    return;
                }
                byte[] status = reader.readOrPrintAddress(c.tid, c.arg(i), 4, out);
                if (status != null) appendWaitStatus(LittleEndian.i32(status, 0), out);
            }
        };
        ArgDecoder sigset = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // The set's size is the call's last argument.
                appendSigset(c, c.arg(i), c.arg(SyscallTable.argumentCount(c.number) - 1), reader, out);
            }
        };
        byKind[ArgKind.SIGSET.ordinal()] = sigset;
        byKind[ArgKind.SIGSET_SIZED.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendSigset(c, c.arg(i), c.arg(i + 1), reader, out); }
        };
        // At rt_sigreturn's entry the stack pointer is at the frame's struct ucontext (the handler's
        // ret popped pretcode); uc_sigmask follows uc_flags, uc_link, uc_stack (24) and uc_mcontext (256).
        byKind[ArgKind.SIGFRAME_MASK.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                out.append("{mask=");
                byte[] mask = reader.readOrPrintAddress(c.tid, c.stackPointer + UC_SIGMASK_OFFSET, 8, out);
                if (mask != null) Signals.appendSigset(LittleEndian.i64(mask, 0), out);
                out.append('}');
            }
        };
        byKind[ArgKind.SIGSET_OUT.ordinal()] = sigset;
        ArgDecoder sigaction = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] sa = reader.readOutputOrPrintAddress(c, c.arg(i), SIGACTION_SIZE, out);
                if (sa != null) appendSigaction(sa, out);
            }
        };
        byKind[ArgKind.SIGACTION.ordinal()] = sigaction;
        ArgDecoder siginfo = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] si = reader.readOutputOrPrintAddress(c, c.arg(i), 128, out);
                if (si != null) Signals.formatSiginfo(si, out);
            }
        };
        byKind[ArgKind.SIGINFO.ordinal()] = siginfo;
        byKind[ArgKind.SIGINFO_OUT.ordinal()] = siginfo;
        ArgDecoder timeval = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] tv = reader.readOutputOrPrintAddress(c, c.arg(i), 16, out);
                if (tv == null) return;
                ProcessDecoders.appendTimeFields(tv, 0, true, out);
            }
        };
        byKind[ArgKind.TIMEVAL.ordinal()] = timeval;
        byKind[ArgKind.TIMEVAL_OUT.ordinal()] = timeval;
        byKind[ArgKind.ID_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] id = reader.readOutputOrPrintAddress(c, c.arg(i), 4, out);
                if (id != null) out.append('[').append(LittleEndian.u32(id, 0)).append(']');
            }
        };
        byKind[ArgKind.GROUPS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendIdArray(c, c.arg(i), c.arg(i - 1), reader, out); }
        };
        byKind[ArgKind.GROUPS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // The kernel fills min(size, count) entries: getgroups(0, list) only counts, and strace shows [].
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else appendIdArray(c, c.arg(i), Math.min(c.arg(i - 1) & 0xffffffffL, c.returnValue), reader, out);
            }
        };
        byKind[ArgKind.CPUSET.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendCpuSet(c, c.arg(i), c.arg(i - 1), reader, out); }
        };
        byKind[ArgKind.CPUSET_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else appendCpuSet(c, c.arg(i), c.returnValue, reader, out);
            }
        };
        byKind[ArgKind.STATX_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long flags = c.arg(i) & 0xffffffffL;
                Flags.STATX_SYNC.append(flags & STATX_SYNC_TYPE, out);
                if ((flags & ~STATX_SYNC_TYPE) != 0) {
                    out.append('|');
                    Flags.AT.appendBits(flags & ~STATX_SYNC_TYPE, out);
                }
            }
        };
        byKind[ArgKind.STATX_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] stx = reader.readOutputOrPrintAddress(c, c.arg(i), STATX_SIZE, out);
                if (stx != null) appendStatx(stx, c.abbrev, reader.dates(), out);
            }
        };
        byKind[ArgKind.SIGACTION_OUT.ordinal()] = sigaction;
        // mknod's mode is a 16-bit mode_t; its device matters only for device files, and strace shows it only then
        byKind[ArgKind.FILE_MODE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendSymbolicMode((int) c.arg(i) & 0xffff, out); }
        };
        byKind[ArgKind.MKNOD_DEV.ordinal()] = new ArgDecoder() {
            @Override public boolean shown(long[] args, int i) {
                long type = args[i - 1] & S_IFMT;
                return type == S_IFCHR || type == S_IFBLK;
            }

            @Override public void append(Call c, int i, StringBuilder out) {
                appendMakedev(c.arg(i) & 0xffffffffL, out);
            }
        };
    }

    /**
     * A signal set with its size beside it: {@code [USR1]}; NULL; the bare address when the size is not the
     * kernel's 8 bytes (the kernel rejects it, and strace does not read it), when it cannot be read, or when it is
     * printed at the exit of a call that failed (epoll_pwait's mask after EINTR, as strace prints it).
     */
    static void appendSigset(Call c, long address, long size, TraceeReader reader, StringBuilder out) {
        if (size != 8) {
            Num.appendAddress(address, out);
            return;
        }
        byte[] set = reader.readOutputOrPrintAddress(c, address, 8, out);
        if (set != null) Signals.appendSigset(LittleEndian.i64(set, 0), out);
    }

    /**
     * strace's print_struct_stat: {@code {st_mode=S_IFREG|0644, st_size=1234, ...}} (devices show st_rdev instead of
     * st_size); every field with -v ({@code abbreviated} false).
     */
    static void appendStat(byte[] st, boolean abbreviated, LocalTimes dates, StringBuilder out) {
        int mode = LittleEndian.i32(st, ST_MODE);
        out.append('{');
        if (!abbreviated) {
            out.append("st_dev=");
            appendMakedev(LittleEndian.i64(st, ST_DEV), out);
            out.append(", st_ino=");
            Num.appendUnsigned(LittleEndian.i64(st, ST_INO), out);
            out.append(", ");
        }
        out.append("st_mode=");
        appendFileMode(mode, out);
        if (!abbreviated) {
            out.append(", st_nlink=");
            Num.appendUnsigned(LittleEndian.i64(st, ST_NLINK), out);
            out.append(", st_uid=").append(LittleEndian.u32(st, ST_UID));
            out.append(", st_gid=").append(LittleEndian.u32(st, ST_GID));
            out.append(", st_blksize=");
            Num.appendUnsigned(LittleEndian.i64(st, ST_BLKSIZE), out);
            out.append(", st_blocks=");
            Num.appendUnsigned(LittleEndian.i64(st, ST_BLOCKS), out);
        }
        int type = mode & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            out.append(", st_rdev=");
            appendMakedev(LittleEndian.i64(st, ST_RDEV), out);
        } else {
            out.append(", st_size=").append(LittleEndian.i64(st, ST_SIZE));
        }
        if (abbreviated) {
            out.append(", ...}");
            return;
        }
        for (int t = 0; t < ST_TIMES.length; t++) {
            long seconds = LittleEndian.i64(st, ST_ATIME + 16 * t);
            long nanos = LittleEndian.i64(st, ST_ATIME + 16 * t + 8);
            out.append(", ").append(ST_TIMES[t]).append('=').append(seconds);
            dates.appendComment(seconds, nanos, 9, out);
            out.append(", ").append(ST_TIMES[t]).append("_nsec=");
            Num.appendUnsigned(nanos, out);
        }
        out.append('}');
    }

    /** A device number as glibc's major() and minor() split it: {@code makedev(0x1, 0x3)}. */
    static void appendMakedev(long dev, StringBuilder out) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        out.append("makedev(");
        Num.appendHexOrZero(major, out);
        out.append(", ");
        Num.appendHexOrZero(minor, out);
        out.append(')');
    }

    /** {@code [0 1]}: the numbers of the CPUs whose bits are set, word by word. */
    private static void appendCpuSet(Call c, long address, long bytes, TraceeReader reader, StringBuilder out) {
        if (address == 0) {
            out.append("NULL");
            return;
        }
        byte[] first = reader.readStruct(c.tid, address, (int) Math.min(Math.max(bytes, 0), 8));
        if (first == null && bytes > 0) {
            Num.appendHex(address, out);
            return;
        }
        out.append('[');
        boolean any = false;
        for (long offset = 0; offset < bytes; offset += 8) {
            int chunk = (int) Math.min(8, bytes - offset);
            byte[] word = reader.readStruct(c.tid, address + offset, chunk);
            if (word == null) break;
            for (int b = 0; b < chunk * 8; b++) {
                if ((word[b >> 3] & (1 << (b & 7))) == 0) continue;
                if (any) out.append(' ');
                out.append(offset * 8 + b);
                any = true;
            }
        }
        out.append(']');
    }

    /** {@code [0, 1000]}: at most -s ids, as strace bounds arrays. */
    private static void appendIdArray(Call c, long address, long count, TraceeReader reader, StringBuilder out) {
        reader.appendArray(c.tid, address, count, 4, ID, out);
    }

    private static final TraceeReader.ElementPrinter ID = (id, out) -> out.append(LittleEndian.u32(id, 0));

    private static final long STATX_TYPE_OR_MODE = Flags.STATX_MASK.value("STATX_TYPE") | Flags.STATX_MASK.value("STATX_MODE");
    private static final String[] STATX_FIELDS = {"STATX_NLINK", "STATX_UID", "STATX_GID", "STATX_INO", "STATX_SIZE",
        "STATX_BLOCKS", "STATX_ATIME", "STATX_BTIME", "STATX_CTIME", "STATX_MTIME", "STATX_MNT_ID", "STATX_DIOALIGN"};
    private static final long NLINK = statxBit(0), UID = statxBit(1), GID = statxBit(2), INO = statxBit(3), SIZE = statxBit(4),
            BLOCKS = statxBit(5), ATIME = statxBit(6), BTIME = statxBit(7), CTIME = statxBit(8), MTIME = statxBit(9),
            MNT_ID = statxBit(10), DIOALIGN = statxBit(11);
    private static final int STX_BLKSIZE = 4, STX_NLINK = 16, STX_UID = 20, STX_GID = 24, STX_INO = 32, STX_BLOCKS = 48,
            STX_ATTRIBUTES_MASK = 56, STX_ATIME = 64, STX_BTIME = 80, STX_CTIME = 96, STX_MTIME = 112, STX_RDEV_MAJOR = 128,
            STX_MNT_ID = 144, STX_DIO_MEM_ALIGN = 152;

    private static final String[] STATX_DEVICES = {"stx_rdev_major", "stx_rdev_minor", "stx_dev_major", "stx_dev_minor"};

    private static long statxBit(int field) {
        return Flags.STATX_MASK.value(STATX_FIELDS[field]);
    }

    /**
     * strace's statx decoder: the fields the mask says were filled, {@code {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID,
     * stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=12, ...}}, and every one of them with -v ({@code abbreviated} false).
     */
    static void appendStatx(byte[] stx, boolean abbreviated, LocalTimes dates, StringBuilder out) {
        long mask = LittleEndian.u32(stx, STX_MASK);
        out.append("{stx_mask=");
        Flags.STATX_MASK.append(mask, out);
        if (!abbreviated) out.append(", stx_blksize=").append(LittleEndian.u32(stx, STX_BLKSIZE));
        out.append(", stx_attributes=");
        Flags.STATX_ATTRS.append(LittleEndian.i64(stx, STX_ATTRIBUTES), out);
        if (!abbreviated) {
            if ((mask & NLINK) != 0) out.append(", stx_nlink=").append(LittleEndian.u32(stx, STX_NLINK));
            if ((mask & UID) != 0) appendId(", stx_uid=", LittleEndian.u32(stx, STX_UID), out);
            if ((mask & GID) != 0) appendId(", stx_gid=", LittleEndian.u32(stx, STX_GID), out);
        }
        if ((mask & STATX_TYPE_OR_MODE) != 0) {
            out.append(", stx_mode=");
            appendFileMode(LittleEndian.u16(stx, STX_MODE), out);
        }
        if (!abbreviated && (mask & INO) != 0) {
            out.append(", stx_ino=");
            Num.appendUnsigned(LittleEndian.i64(stx, STX_INO), out);
        }
        if ((mask & SIZE) != 0) {
            out.append(", stx_size=");
            Num.appendUnsigned(LittleEndian.i64(stx, STX_SIZE), out);
        }
        if (abbreviated) {
            out.append(", ...}");
            return;
        }
        if ((mask & BLOCKS) != 0) {
            out.append(", stx_blocks=");
            Num.appendUnsigned(LittleEndian.i64(stx, STX_BLOCKS), out);
        }
        out.append(", stx_attributes_mask=");
        Flags.STATX_ATTRS.append(LittleEndian.i64(stx, STX_ATTRIBUTES_MASK), out);
        if ((mask & ATIME) != 0) appendStatxTime(", stx_atime=", stx, STX_ATIME, dates, out);
        if ((mask & BTIME) != 0) appendStatxTime(", stx_btime=", stx, STX_BTIME, dates, out);
        if ((mask & CTIME) != 0) appendStatxTime(", stx_ctime=", stx, STX_CTIME, dates, out);
        if ((mask & MTIME) != 0) appendStatxTime(", stx_mtime=", stx, STX_MTIME, dates, out);
        for (int d = 0; d < STATX_DEVICES.length; d++) {
            out.append(", ").append(STATX_DEVICES[d]).append('=').append(LittleEndian.u32(stx, STX_RDEV_MAJOR + 4 * d));
        }
        if ((mask & MNT_ID) != 0) {
            out.append(", stx_mnt_id=");
            Num.appendHexOrZero(LittleEndian.i64(stx, STX_MNT_ID), out);
        }
        if ((mask & DIOALIGN) != 0) {
            out.append(", stx_dio_mem_align=").append(LittleEndian.u32(stx, STX_DIO_MEM_ALIGN));
            out.append(", stx_dio_offset_align=").append(LittleEndian.u32(stx, STX_DIO_MEM_ALIGN + 4));
        }
        out.append('}');
    }

    /** A uid or gid as strace's PRINT_FIELD_ID: -1 for the all-ones one. */
    private static void appendId(String field, long id, StringBuilder out) {
        out.append(field);
        if (id == 0xffffffffL) out.append(-1);
        else out.append(id);
    }

    /** {@code {tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 *\/}. */
    private static void appendStatxTime(String field, byte[] stx, int at, LocalTimes dates, StringBuilder out) {
        long seconds = LittleEndian.i64(stx, at);
        long nanos = LittleEndian.u32(stx, at + 8);
        out.append(field).append("{tv_sec=").append(seconds).append(", tv_nsec=").append(nanos).append('}');
        dates.appendComment(seconds, nanos, 9, out);
    }

    /** strace's print_symbolic_mode_t: as {@link #appendFileMode}, but a type it has no name for makes it all octal. */
    private static void appendSymbolicMode(int mode, StringBuilder out) {
        int type = mode & S_IFMT;
        if (type != 0 && Flags.FILE_TYPE.nameOf(type) == null) Num.appendOctalMode(mode, out);
        else appendFileMode(mode, out);
    }

    /** S_IFDIR|S_ISVTX|0777: the type, the set-id and sticky bits by name, the permissions in octal. */
    static void appendFileMode(int mode, StringBuilder out) {
        long type = mode & S_IFMT;
        String typeName = Flags.FILE_TYPE.nameOf(type);
        if (typeName != null) out.append(typeName).append('|');
        else if (type != 0) { Num.appendOctalMode(type, out); out.append('|'); }
        if (Flags.MODE_BITS.appendBits(mode & 07000, out)) out.append('|');
        Num.appendOctalMode(mode & 0777, out);
    }

    /** wait4's status as strace spells it: {@code [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]}. */
    static void appendWaitStatus(int status, StringBuilder out) {
        int rest = status;
        int low = status & 0x7f;
        if ((status & 0xff) == 0x7f) {
            int sig = (status >> 8) & 0xff;
            out.append("[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
            Signals.appendName(sig & 0x7f, out);
            if ((sig & 0x80) != 0) out.append(" | 0x80");
            out.append('}');
            rest &= ~((sig << 8) | 0x7f);
        } else if (low != 0 && low != 0x7f) {
            out.append("[{WIFSIGNALED(s) && WTERMSIG(s) == ");
            Signals.appendName(low, out);
            if ((status & 0x80) != 0) out.append(" && WCOREDUMP(s)");
            out.append('}');
            rest &= ~(low | 0x80);
        } else if (low == 0) {
            out.append("[{WIFEXITED(s) && WEXITSTATUS(s) == ").append((status >> 8) & 0xff).append('}');
            rest &= ~0xff00;
        } else if (status == 0xffff) {
            out.append("[{WIFCONTINUED(s)}");
            rest = 0;
        } else {
            out.append('[');
            Num.appendHex(status & 0xffffffffL, out);
            out.append(']');
            return;
        }
        if (rest != 0) {
            int event = rest >>> 16;
            if (event != 0) {
                out.append(" | ").append(event).append(" << 16");
                rest &= 0xffff;
            }
            if (rest != 0) {
                out.append(" | ");
                Num.appendHex(rest & 0xffffffffL, out);
            }
        }
        out.append(']');
    }

    /** {@code {sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f...}}. */
    static void appendSigaction(byte[] sa, StringBuilder out) {
        long handler = LittleEndian.i64(sa, SA_HANDLER);
        long flags = LittleEndian.i64(sa, SA_FLAGS);
        out.append("{sa_handler=");
        if (handler == 0) out.append("SIG_DFL");
        else if (handler == 1) out.append("SIG_IGN");
        else Num.appendHex(handler, out);
        out.append(", sa_mask=");
        Signals.appendSigset(LittleEndian.i64(sa, SA_MASK), out);
        out.append(", sa_flags=");
        Flags.SA.append(flags, out); // an unsigned long: the upper bits print too (SA_RESTORER|0xffffffff00000000)
        if ((flags & SA_RESTORER) != 0) {
            out.append(", sa_restorer=");
            Num.appendAddress(LittleEndian.i64(sa, SA_RESTORER_AT), out);
        }
        out.append('}');
    }
}
