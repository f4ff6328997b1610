package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;

/** Decoders of structs in tracee memory, abbreviated as strace prints them without -v. */
final class StructDecoders {
    private static final long UC_SIGMASK_OFFSET = 8 + 8 + 24 + 256;
    private StructDecoders() {}

    // struct stat on x86_64
    private static final int STAT_SIZE = 144, ST_MODE = 24, ST_RDEV = 40, ST_SIZE = 48;
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
        byKind[ArgKind.STAT_OUT.ordinal()] = (c, i, out) -> {
            byte[] st = reader.readOutputOrPrintAddress(c, c.arg(i), STAT_SIZE, out);
            if (st != null) appendStat(st, out);
        };
        byKind[ArgKind.WAIT_STATUS_OUT.ordinal()] = (c, i, out) -> {
            // written only when a child is reported: not after a failure, nor for 0 (WNOHANG, none ready)
            if (c.returnValue <= 0) {
                Num.appendAddress(c.arg(i), out);
                return;
            }
            byte[] status = reader.readOrPrintAddress(c.tid, c.arg(i), 4, out);
            if (status != null) appendWaitStatus(LittleEndian.i32(status, 0), out);
        };
        ArgDecoder sigset = (c, i, out) -> {
            // The set's size is the call's last argument.
            if (c.failed()) Num.appendAddress(c.arg(i), out);
            else appendSigset(c.tid, c.arg(i), c.arg(SyscallTable.argumentCount(c.number) - 1), reader, out);
        };
        byKind[ArgKind.SIGSET.ordinal()] = sigset;
        byKind[ArgKind.SIGSET_SIZED.ordinal()] = (c, i, out) -> appendSigset(c.tid, c.arg(i), c.arg(i + 1), reader, out);
        // At rt_sigreturn's entry the stack pointer is at the frame's struct ucontext (the handler's
        // ret popped pretcode); uc_sigmask follows uc_flags, uc_link, uc_stack (24) and uc_mcontext (256).
        byKind[ArgKind.SIGFRAME_MASK.ordinal()] = (c, i, out) -> {
            out.append("{mask=");
            byte[] mask = reader.readOrPrintAddress(c.tid, c.stackPointer + UC_SIGMASK_OFFSET, 8, out);
            if (mask != null) Signals.appendSigset(LittleEndian.i64(mask, 0), out);
            out.append('}');
        };
        byKind[ArgKind.SIGSET_OUT.ordinal()] = sigset;
        ArgDecoder sigaction = (c, i, out) -> {
            byte[] sa = reader.readOutputOrPrintAddress(c, c.arg(i), SIGACTION_SIZE, out);
            if (sa != null) appendSigaction(sa, out);
        };
        byKind[ArgKind.SIGACTION.ordinal()] = sigaction;
        ArgDecoder siginfo = (c, i, out) -> {
            byte[] si = reader.readOutputOrPrintAddress(c, c.arg(i), 128, out);
            if (si != null) Signals.formatSiginfo(si, out);
        };
        byKind[ArgKind.SIGINFO.ordinal()] = siginfo;
        byKind[ArgKind.SIGINFO_OUT.ordinal()] = siginfo;
        ArgDecoder timeval = (c, i, out) -> {
            byte[] tv = reader.readOutputOrPrintAddress(c, c.arg(i), 16, out);
            if (tv == null) return;
            ProcessDecoders.appendTimeFields(tv, 0, true, out);
        };
        byKind[ArgKind.TIMEVAL.ordinal()] = timeval;
        byKind[ArgKind.TIMEVAL_OUT.ordinal()] = timeval;
        byKind[ArgKind.ID_OUT.ordinal()] = (c, i, out) -> {
            byte[] id = reader.readOutputOrPrintAddress(c, c.arg(i), 4, out);
            if (id != null) out.append('[').append(LittleEndian.u32(id, 0)).append(']');
        };
        byKind[ArgKind.GROUPS.ordinal()] = (c, i, out) -> appendIdArray(c, c.arg(i), c.arg(i - 1), reader, out);
        byKind[ArgKind.GROUPS_OUT.ordinal()] = (c, i, out) -> {
            // The kernel fills min(size, count) entries: getgroups(0, list) only counts, and strace shows [].
            if (c.failed()) Num.appendAddress(c.arg(i), out);
            else appendIdArray(c, c.arg(i), Math.min(c.arg(i - 1) & 0xffffffffL, c.returnValue), reader, out);
        };
        byKind[ArgKind.CPUSET.ordinal()] = (c, i, out) -> appendCpuSet(c, c.arg(i), c.arg(i - 1), reader, out);
        byKind[ArgKind.CPUSET_OUT.ordinal()] = (c, i, out) -> {
            if (c.failed()) Num.appendAddress(c.arg(i), out);
            else appendCpuSet(c, c.arg(i), c.returnValue, reader, out);
        };
        byKind[ArgKind.STATX_FLAGS.ordinal()] = (c, i, out) -> {
            long flags = c.arg(i) & 0xffffffffL;
            Flags.STATX_SYNC.append(flags & STATX_SYNC_TYPE, out);
            if ((flags & ~STATX_SYNC_TYPE) != 0) {
                out.append('|');
                Flags.AT.appendBits(flags & ~STATX_SYNC_TYPE, out);
            }
        };
        byKind[ArgKind.STATX_OUT.ordinal()] = (c, i, out) -> {
            byte[] stx = reader.readOutputOrPrintAddress(c, c.arg(i), STATX_SIZE, out);
            if (stx != null) appendStatx(stx, out);
        };
        byKind[ArgKind.SIGACTION_OUT.ordinal()] = sigaction;
    }

    /**
     * A signal set the call reads with its size beside it: {@code [USR1]}; NULL; the bare address when the
     * size is not the kernel's 8 bytes (the kernel rejects it, and strace does not read it) or it cannot be read.
     */
    static void appendSigset(int tid, long address, long size, TraceeReader reader, StringBuilder out) {
        if (size != 8) {
            Num.appendAddress(address, out);
            return;
        }
        byte[] set = reader.readOrPrintAddress(tid, address, 8, out);
        if (set != null) Signals.appendSigset(LittleEndian.i64(set, 0), out);
    }

    /** {@code {st_mode=S_IFREG|0644, st_size=1234, ...}}; devices show st_rdev instead of st_size. */
    static void appendStat(byte[] st, StringBuilder out) {
        int mode = LittleEndian.i32(st, ST_MODE);
        out.append("{st_mode=");
        appendFileMode(mode, out);
        int type = mode & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            long rdev = LittleEndian.i64(st, ST_RDEV);
            long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
            out.append(", st_rdev=makedev(");
            Num.appendHexOrZero(major, out);
            out.append(", ");
            Num.appendHexOrZero(minor, out);
            out.append(')');
        } else {
            out.append(", st_size=").append(LittleEndian.i64(st, ST_SIZE));
        }
        out.append(", ...}");
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

    /** {@code {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=12, ...}}. */
    static void appendStatx(byte[] stx, StringBuilder out) {
        out.append("{stx_mask=");
        Flags.STATX_MASK.append(LittleEndian.u32(stx, STX_MASK), out);
        out.append(", stx_attributes=");
        Flags.STATX_ATTRS.append(LittleEndian.i64(stx, STX_ATTRIBUTES), out);
        out.append(", stx_mode=");
        appendFileMode(LittleEndian.u16(stx, STX_MODE), out);
        out.append(", stx_size=");
        Num.appendUnsigned(LittleEndian.i64(stx, STX_SIZE), out);
        out.append(", ...}");
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
        Flags.SA.append(flags & 0xffffffffL, out);
        if ((flags & SA_RESTORER) != 0) {
            out.append(", sa_restorer=");
            Num.appendAddress(LittleEndian.i64(sa, SA_RESTORER_AT), out);
        }
        out.append('}');
    }
}
