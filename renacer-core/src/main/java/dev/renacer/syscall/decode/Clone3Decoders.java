package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;

/**
 * clone3's struct clone_args as strace 6.1 prints it: the fields the flags make meaningful at entry,
 * then at exit what the kernel wrote back ({@code => {parent_tid=[1234]}}), then the struct's size.
 */
final class Clone3Decoders {
    private Clone3Decoders() {}

    // struct clone_args: eleven u64 fields
    private static final int FLAGS = 0, PIDFD = 8, CHILD_TID = 16, PARENT_TID = 24, EXIT_SIGNAL = 32, STACK = 40;
    private static final int STACK_SIZE = 48, TLS = 56, SET_TID = 64, SET_TID_SIZE = 72, CGROUP = 80;
    private static final int MIN_SIZE = 64, MAX_SIZE = 88;
    private static final long CLONE_PIDFD = ProcessDecoders.CLONE_PIDFD, CLONE_SETTLS = ProcessDecoders.CLONE_SETTLS;
    private static final long CLONE_PARENT_SETTID = ProcessDecoders.CLONE_PARENT_SETTID;
    private static final long CLONE_CHILD_CLEARTID = ProcessDecoders.CLONE_CHILD_CLEARTID;
    private static final long CLONE_CHILD_SETTID = ProcessDecoders.CLONE_CHILD_SETTID;
    private static final long CLONE_INTO_CGROUP = Flags.CLONE.value("CLONE_INTO_CGROUP");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.CLONE3_ARGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long size = c.arg(i + 1);
                if (size < MIN_SIZE) { // the kernel rejects it, and strace does not read it
                    Num.appendAddress(c.arg(i), out);
                    return;
                }
                byte[] args = reader.readOrPrintAddress(c.tid, c.arg(i), fetchSize(size), out);
                if (args != null) appendArgs(args, fetchSize(size), out);
            }
        };
        byKind[ArgKind.CLONE3_TAIL.ordinal()] = new ArgDecoder() {
            @Override public boolean separated() { return false; }

            @Override public void append(Call c, int i, StringBuilder out) {
                long size = c.arg(i);
                if (!c.failed() && size >= MIN_SIZE) appendWrittenBack(c, reader, c.arg(i - 1), size, out);
                out.append(", ");
                Num.appendUnsigned(size, out);
            }
        };
    }

    private static int fetchSize(long size) {
        return (int) Math.min(size, MAX_SIZE);
    }

    private static void appendArgs(byte[] a, int size, StringBuilder out) {
        long flags = LittleEndian.i64(a, FLAGS);
        out.append("{flags=");
        if (flags == 0) out.append('0');
        else Flags.CLONE.appendBits(flags, out);
        if ((flags & CLONE_PIDFD) != 0) field(", pidfd=", LittleEndian.i64(a, PIDFD), out);
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            field(", child_tid=", LittleEndian.i64(a, CHILD_TID), out);
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) field(", parent_tid=", LittleEndian.i64(a, PARENT_TID), out);
        long exitSignal = LittleEndian.i64(a, EXIT_SIGNAL);
        out.append(", exit_signal=");
        if (exitSignal >= 0 && exitSignal < Integer.MAX_VALUE) Signals.appendName((int) exitSignal, out);
        else Num.appendUnsigned(exitSignal, out);
        field(", stack=", LittleEndian.i64(a, STACK), out);
        out.append(", stack_size=");
        Num.appendHexOrZero(LittleEndian.i64(a, STACK_SIZE), out);
        if ((flags & CLONE_SETTLS) != 0) field(", tls=", LittleEndian.i64(a, TLS), out);
        long setTid = LittleEndian.i64(a, SET_TID);
        long setTidSize = LittleEndian.i64(a, SET_TID_SIZE);
        if (setTid != 0 || setTidSize != 0) {
            field(", set_tid=", setTid, out);
            out.append(", set_tid_size=");
            Num.appendUnsigned(setTidSize, out);
        }
        long cgroup = size > CGROUP ? LittleEndian.i64(a, CGROUP) : 0;
        if (size > CGROUP && (cgroup != 0 || (flags & CLONE_INTO_CGROUP) != 0)) {
            out.append(", cgroup=");
            Num.appendUnsigned(cgroup, out);
        }
        out.append('}');
    }

    private static void field(String name, long address, StringBuilder out) {
        out.append(name);
        Num.appendAddress(address, out);
    }

    /** {@code  => {pidfd=[3], parent_tid=[1234]}}: what the kernel stored through the struct's pointers. */
    private static void appendWrittenBack(Call c, TraceeReader reader, long address, long size, StringBuilder out) {
        byte[] a = reader.readStruct(c.tid, address, fetchSize(size));
        if (a == null) return;
        long flags = LittleEndian.i64(a, FLAGS);
        long pidfd = LittleEndian.i64(a, PIDFD);
        long parentTid = LittleEndian.i64(a, PARENT_TID);
        boolean first = true;
        if ((flags & CLONE_PIDFD) != 0) {
            out.append(" => {pidfd=");
            appendInt(c, reader, pidfd, out);
            first = false;
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            out.append(first ? " => {" : ", ").append("parent_tid=");
            appendInt(c, reader, parentTid, out);
            first = false;
        }
        if (!first) out.append('}');
    }

    private static void appendInt(Call c, TraceeReader reader, long address, StringBuilder out) {
        byte[] v = reader.readOrPrintAddress(c.tid, address, 4, out);
        if (v != null) out.append('[').append(LittleEndian.i32(v, 0)).append(']');
    }
}
