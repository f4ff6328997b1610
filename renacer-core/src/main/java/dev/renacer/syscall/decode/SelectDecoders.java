package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.SyscallTable;

/**
 * select and pselect6: the fd_set bitmaps {@code [3 4]} at entry, pselect6's {sigmask, sigsetsize} pair,
 * and the result strace builds at exit, {@code 2 (in [3], out [4], left {tv_sec=0, tv_usec=0})}; ppoll's
 * result, which adds the time left to poll's.
 */
final class SelectDecoders {
    private SelectDecoders() {}

    /** strace reads at most this many descriptors of a set (select(2^31-1, ...) would be 256 MiB). */
    private static final int MAX_NFDS = 1024 * 1024;
    /** strace assembles the result in a 1024-byte buffer and stops adding descriptors near its end. */
    private static final int OUTSTR = 1024;
    private static final int OUTSTR_SLACK = 11 + 12 + 2; // sizeof(", except [") + sizeof(int)*3 + 2
    private static final String[] SET_NAMES = {"in", "out", "except"};
    private static final int SELECT_TIMEOUT = 4;
    private static final int PPOLL_TIMEOUT = 2;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.FDSET.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendFdSet(c.tid, (int) c.arg(0), c.arg(i), reader, out); }
        };
        byKind[ArgKind.PSELECT_SIGMASK.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // struct { const sigset_t *ss; size_t ss_len; }
                byte[] pair = reader.readOrPrintAddress(c.tid, c.arg(i), 16, out);
                if (pair == null) return;
                long set = LittleEndian.i64(pair, 0);
                long size = LittleEndian.i64(pair, 8);
                out.append("{sigmask=");
                StructDecoders.appendSigset(c, set, size, reader, out);
                out.append(", sigsetsize=");
                Num.appendUnsigned(size, out);
                out.append('}');
            }
        };
    }

    /** The number of descriptors strace looks at: the kernel's int, negative as 0, bounded. */
    private static int clampNfds(int nfds) {
        return nfds < 0 ? 0 : Math.min(nfds, MAX_NFDS);
    }

    /** The bytes of a set as strace reads it: whole longs covering nfds bits. */
    private static int setBytes(int nfds) {
        return ((nfds + 7) / 8 + 7) & ~7;
    }

    /** {@code [3 4]}, NULL, or the address when nfds is 0 or the set cannot be read whole. */
    static void appendFdSet(int tid, int nfdsArg, long address, TraceeReader reader, StringBuilder out) {
        int nfds = clampNfds(nfdsArg);
        int size = setBytes(nfds);
        if (size == 0 || !reader.readable(tid, address, size)) {
            Num.appendAddress(address, out);
            return;
        }
        out.append('[');
        boolean any = false;
        int chunk = reader.chunkSize();
        for (int offset = 0; offset < size; offset += chunk) {
            int n = Math.min(chunk, size - offset);
            byte[] bits = reader.readStruct(tid, address + offset, n);
            if (bits == null) break; // unmapped since the check: show what was read
            int last = Math.min(n * 8, nfds - offset * 8);
            for (int b = 0; b < last; b++) {
                if ((bits[b >> 3] & (1 << (b & 7))) == 0) continue;
                if (any) out.append(' ');
                reader.appendFd(tid, offset * 8 + b, out);
                any = true;
            }
        }
        out.append(']');
    }

    /**
     * {@code 0 (Timeout)}, or {@code 2 (in [3], out [4], left {tv_sec=0, tv_usec=0})} from the sets and the
     * timeout as the kernel left them: each ready descriptor is counted once per set it is in, and the
     * listing stops when the count is reached, as strace's does (quirks included).
     */
    static void appendSelectResult(int tid, int number, long[] args, long ready, TraceeReader reader, StringBuilder out) {
        out.append(ready);
        if (ready == 0) {
            out.append(" (Timeout)");
            return;
        }
        int nfds = clampNfds((int) args[0]);
        int size = setBytes(nfds);
        out.append(" (");
        int base = out.length();
        boolean separated = false;
        long left = ready;
        for (int set = 0; set < 3 && left > 0; set++) {
            long address = args[set + 1];
            if (address == 0 || !reader.readable(tid, address, size)) continue;
            boolean first = true;
            int chunk = reader.chunkSize();
            scan:
            for (int offset = 0; offset < size; offset += chunk) {
                int n = Math.min(chunk, size - offset);
                byte[] bits = reader.readStruct(tid, address + offset, n);
                if (bits == null) break;
                int last = Math.min(n * 8, nfds - offset * 8);
                for (int b = 0; b < last; b++) {
                    if ((bits[b >> 3] & (1 << (b & 7))) == 0) continue;
                    if (out.length() - base < OUTSTR - OUTSTR_SLACK) {
                        if (first) {
                            if (separated) out.append(", ");
                            out.append(SET_NAMES[set]).append(" [");
                            first = false;
                            separated = true;
                        } else {
                            out.append(' ');
                        }
                        out.append(offset * 8 + b);
                    }
                    if (--left == 0) break scan;
                }
            }
            // strace closes the bracket whenever anything has been written so far, even for a set
            // that added nothing: "in [3]], except [5]" is its text too.
            if (out.length() != base) out.append(']');
        }
        long timeout = args[SELECT_TIMEOUT];
        if (timeout != 0) {
            int before = out.length();
            if (separated) out.append(", ");
            out.append("left ");
            int text = out.length();
            appendTime(tid, timeout, SyscallTable.argumentKind(number, SELECT_TIMEOUT) == ArgKind.TIMEVAL, reader, out);
            int needed = (before - base) + 6 + (separated ? 2 : 0) + (out.length() - text);
            if (needed >= OUTSTR) out.setLength(before);
        }
        out.append(')');
    }

    /** ppoll: poll's result, then {@code left {tv_sec=.., tv_nsec=..}} when it had a timeout. */
    static void appendPpollResult(int tid, long[] args, long ready, TraceeReader reader, StringBuilder out) {
        boolean listed = PollDecoder.appendResult(tid, args, ready, reader, out);
        if (ready == 0 || args[0] == 0 || (args[1] & 0xffffffffL) == 0 || args[PPOLL_TIMEOUT] == 0) return;
        if (listed) {
            out.setLength(out.length() - 1);
            out.append(", left ");
        } else {
            out.append(" (left ");
        }
        appendTime(tid, args[PPOLL_TIMEOUT], false, reader, out);
        out.append(')');
    }

    /** strace's sprint_timeval/sprint_timespec at exit: the struct, or its address when unreadable. */
    private static void appendTime(int tid, long address, boolean timeval, TraceeReader reader, StringBuilder out) {
        byte[] t = reader.readOrPrintAddress(tid, address, 16, out);
        if (t == null) return;
        ProcessDecoders.appendTimeFields(t, 0, timeval, out);
    }
}
