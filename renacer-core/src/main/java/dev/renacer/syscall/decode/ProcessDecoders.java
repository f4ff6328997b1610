package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;

/** Decoders for process, resource-limit, time and futex arguments. */
final class ProcessDecoders {
    private ProcessDecoders() {}

    private static final long CSIGNAL = 0xff;
    static final long CLONE_PIDFD = Flags.CLONE.value("CLONE_PIDFD"), CLONE_SETTLS = Flags.CLONE.value("CLONE_SETTLS");
    static final long CLONE_PARENT_SETTID = Flags.CLONE.value("CLONE_PARENT_SETTID");
    static final long CLONE_CHILD_CLEARTID = Flags.CLONE.value("CLONE_CHILD_CLEARTID");
    static final long CLONE_CHILD_SETTID = Flags.CLONE.value("CLONE_CHILD_SETTID");
    private static final long CLONE_EXIT_FIELDS = CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID
            | CLONE_CHILD_CLEARTID | CLONE_SETTLS;
    // x86_64 clone argument order: flags, stack, parent_tid, child_tid, tls
    private static final int CLONE_STACK = 1, CLONE_PTID = 2, CLONE_CTID = 3, CLONE_TLS = 4;
    private static final long RLIM64_INFINITY = -1L;
    // stack_t: void *ss_sp, int ss_flags, size_t ss_size
    private static final int STACK_T_SIZE = 24, SS_FLAGS_AT = 8, SS_SIZE = 16;
    private static final FlagSet SS_FLAGS = Flags.get("ss_flags");
    private static final FlagSet PERSONA_TYPE = Flags.get("personality_type"), PERSONA_FLAGS = Flags.get("personality_flags");
    private static final long PER_MASK = PERSONA_TYPE.value("PER_MASK");
    // clock_nanosleep(clockid, flags, request, remain)
    private static final int CLOCK_SLEEP_FLAGS = 1;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.CLONE_FLAGS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                out.append("child_stack=");
                Num.appendAddress(c.arg(CLONE_STACK), out);
                out.append(", flags=");
                long flags = c.arg(i) & 0xffffffffL;
                long signal = flags & CSIGNAL;
                flags &= ~CSIGNAL;
                if (flags != 0) {
                    Flags.CLONE.appendBits(flags, out);
                    if (signal != 0) out.append('|');
                }
                if (signal != 0) Signals.appendName((int) signal, out);
                else if (flags == 0) out.append('0');
            }
        };
        byKind[ArgKind.CLONE_TIDS.ordinal()] = new CloneTidsDecoder(reader);
        Clone3Decoders.register(byKind, reader);
        byKind[ArgKind.RLIMIT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendRlimit(c, i, reader, out); }
        };
        byKind[ArgKind.RLIMIT_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendRlimit(c, i, reader, out); }
        };
        byKind[ArgKind.CLOCKID.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Flags.CLOCKID.append((int) c.arg(i), out); }
        };
        byKind[ArgKind.TIMESPEC.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendTimespec(c.tid, c.arg(i), reader, out); }
        };
        byKind[ArgKind.TIMESPEC_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else appendTimespec(c.tid, c.arg(i), reader, out);
            }
        };
        byKind[ArgKind.SLEEP_REMAINING.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.interrupted()) appendTimespec(c.tid, c.arg(i), reader, out);
                else Num.appendAddress(c.arg(i), out);
            }
        };
        byKind[ArgKind.CLOCK_SLEEP_REMAINING.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.interrupted() && c.arg(CLOCK_SLEEP_FLAGS) == 0) appendTimespec(c.tid, c.arg(i), reader, out);
                else Num.appendAddress(c.arg(i), out);
            }
        };
        byKind[ArgKind.PTR_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { Num.appendAddress(c.arg(i), out); }
        };
        byKind[ArgKind.FUTEX_OP.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendFutex(c, i, reader, out); }
        };
        ArgDecoder stack = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] ss = reader.readOutputOrPrintAddress(c, c.arg(i), STACK_T_SIZE, out);
                if (ss == null) return;
                out.append("{ss_sp=");
                Num.appendAddress(LittleEndian.i64(ss, 0), out);
                out.append(", ss_flags=");
                SS_FLAGS.append(LittleEndian.u32(ss, SS_FLAGS_AT), out);
                out.append(", ss_size=");
                Num.appendUnsigned(LittleEndian.i64(ss, SS_SIZE), out);
                out.append('}');
            }
        };
        byKind[ArgKind.STACK.ordinal()] = stack;
        byKind[ArgKind.STACK_OUT.ordinal()] = stack;
        byKind[ArgKind.PERSONALITY.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long persona = c.arg(i) & 0xffffffffL;
                if (persona == 0xffffffffL) Num.appendHex(persona, out); // a query, not a persona
                else appendPersona(persona, out);
            }
        };
    }

    /** {@code PER_LINUX|ADDR_NO_RANDOMIZE}: the execution domain in the low byte, then the flags. */
    static void appendPersona(long persona, StringBuilder out) {
        PERSONA_TYPE.append(persona & PER_MASK, out);
        if ((persona & ~PER_MASK) == 0) return;
        out.append('|');
        PERSONA_FLAGS.appendBits(persona & ~PER_MASK, out);
    }

    /** personality's result, the previous persona: {@code 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)}. */
    static void appendPersonaResult(long result, StringBuilder out) {
        Num.appendHexOrZero(result, out);
        out.append(" (");
        appendPersona(result & 0xffffffffL, out);
        out.append(')');
    }

    /** {@code {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}}, or the address (NULL) as strace prints it. */
    private static void appendRlimit(Call c, int i, TraceeReader reader, StringBuilder out) {
        byte[] lim = reader.readOutputOrPrintAddress(c, c.arg(i), 16, out);
        if (lim == null) return;
        out.append("{rlim_cur=");
        appendLimit(LittleEndian.i64(lim, 0), out);
        out.append(", rlim_max=");
        appendLimit(LittleEndian.i64(lim, 8), out);
        out.append('}');
    }

    /** strace writes limits that are whole kibibytes as N*1024. */
    private static void appendLimit(long value, StringBuilder out) {
        if (value == RLIM64_INFINITY) {
            out.append("RLIM64_INFINITY");
        } else if (Long.compareUnsigned(value, 1024) > 0 && value % 1024 == 0) {
            Num.appendUnsigned(value >>> 10, out);
            out.append("*1024");
        } else {
            Num.appendUnsigned(value, out);
        }
    }

    static void appendTimespec(int tid, long address, TraceeReader reader, StringBuilder out) {
        byte[] ts = reader.readOrPrintAddress(tid, address, 16, out);
        if (ts == null) return;
        appendTimeFields(ts, 0, false, out);
    }

    /**
     * {@code {tv_sec=1, tv_nsec=2}} (or {@code tv_usec} for a timeval) from the 16 bytes at {@code offset}:
     * seconds signed, the fraction unsigned as strace prints it ({@code -1} is 18446744073709551615).
     */
    static void appendTimeFields(byte[] t, int offset, boolean timeval, StringBuilder out) {
        out.append("{tv_sec=").append(LittleEndian.i64(t, offset));
        out.append(timeval ? ", tv_usec=" : ", tv_nsec=");
        Num.appendUnsigned(LittleEndian.i64(t, offset + 8), out);
        out.append('}');
    }

    // The command is in the low 7 bits; two flags modify it, which strace prints as a "_PRIVATE" suffix
    // and "|FUTEX_CLOCK_REALTIME".
    private static final int FUTEX_CMD_MASK = 0x7f, FUTEX_PRIVATE = 128, FUTEX_CLOCK_REALTIME = 256;

    /** Which of its arguments a futex command reads, after the operation. */
    private enum FutexArgs {
        /** FUTEX_WAKE_OP and commands strace does not know: val, then the rest raw. */
        RAW,
        WAIT, WAIT_BITSET, VAL, WAKE_BITSET, REQUEUE, CMP_REQUEUE, WAIT_REQUEUE_PI, TIMEOUT, NONE
    }

    private static final Cases<FutexArgs> FUTEX_ARGS = new Cases<>(Flags.FUTEX_CMD, FutexArgs.RAW)
            .with(FutexArgs.WAIT, "FUTEX_WAIT")
            .with(FutexArgs.WAIT_BITSET, "FUTEX_WAIT_BITSET")
            .with(FutexArgs.VAL, "FUTEX_WAKE", "FUTEX_FD")
            .with(FutexArgs.WAKE_BITSET, "FUTEX_WAKE_BITSET")
            .with(FutexArgs.REQUEUE, "FUTEX_REQUEUE")
            .with(FutexArgs.CMP_REQUEUE, "FUTEX_CMP_REQUEUE", "FUTEX_CMP_REQUEUE_PI")
            .with(FutexArgs.WAIT_REQUEUE_PI, "FUTEX_WAIT_REQUEUE_PI")
            .with(FutexArgs.TIMEOUT, "FUTEX_LOCK_PI", "FUTEX_LOCK_PI2")
            .with(FutexArgs.NONE, "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI");
    // futex(uaddr, op, val, timeout or val2, uaddr2, val3)
    private static final int VAL = 2, TIMEOUT = 3, UADDR2 = 4, VAL3 = 5;

    /**
     * futex prints the operation as FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, then only the
     * arguments that operation reads, as strace's futex decoder does.
     */
    private static void appendFutex(Call c, int i, TraceeReader reader, StringBuilder out) {
        int op = (int) c.arg(i);
        int cmd = op & FUTEX_CMD_MASK;
        String name = Flags.FUTEX_CMD.nameOf(cmd);
        if (name == null || (op & ~(FUTEX_CMD_MASK | FUTEX_PRIVATE | FUTEX_CLOCK_REALTIME)) != 0) {
            Num.appendHex(op & 0xffffffffL, out);
            out.append(" /* FUTEX_??? */");
        } else {
            out.append(name);
            if ((op & FUTEX_PRIVATE) != 0) out.append("_PRIVATE");
            if ((op & FUTEX_CLOCK_REALTIME) != 0) out.append("|FUTEX_CLOCK_REALTIME");
        }
        switch (FUTEX_ARGS.of(cmd)) {
            case WAIT:
                val(c, out);
                timeout(c, reader, out);
                break;
            case WAIT_BITSET:
                val(c, out);
                timeout(c, reader, out);
                bitset(c, out);
                break;
            case VAL:
                val(c, out);
                break;
            case WAKE_BITSET:
                val(c, out);
                bitset(c, out);
                break;
            case REQUEUE:
                val(c, out);
                out.append(", ").append((int) c.arg(TIMEOUT)).append(", ");
                Num.appendAddress(c.arg(UADDR2), out);
                break;
            case CMP_REQUEUE:
                val(c, out);
                out.append(", ").append((int) c.arg(TIMEOUT)).append(", ");
                Num.appendAddress(c.arg(UADDR2), out);
                out.append(", ").append((int) c.arg(VAL3));
                break;
            case WAIT_REQUEUE_PI:
                val(c, out);
                timeout(c, reader, out);
                out.append(", ");
                Num.appendAddress(c.arg(UADDR2), out);
                break;
            case TIMEOUT:
                timeout(c, reader, out);
                break;
            case NONE:
                break;
            default: // FUTEX_WAKE_OP and unknown commands: the raw remaining arguments
                val(c, out);
                for (int a = TIMEOUT; a <= VAL3; a++) {
                    out.append(", ");
                    Num.appendHexOrZero(c.arg(a), out);
                }
        }
    }

    private static void val(Call c, StringBuilder out) {
        out.append(", ").append((int) c.arg(VAL));
    }

    private static void timeout(Call c, TraceeReader reader, StringBuilder out) {
        out.append(", ");
        appendTimespec(c.tid, c.arg(TIMEOUT), reader, out);
    }

    private static void bitset(Call c, StringBuilder out) {
        out.append(", ");
        int bits = (int) c.arg(VAL3);
        if (bits == -1) out.append("FUTEX_BITSET_MATCH_ANY");
        else Num.appendHex(bits & 0xffffffffL, out);
    }

    /** clone's tail at exit: parent_tid=[123] (read back), child_tidptr=0x..., tls=0x..., as the flags ask. */
    private static final class CloneTidsDecoder implements ArgDecoder {
        private final TraceeReader reader;

        CloneTidsDecoder(TraceeReader reader) { this.reader = reader; }

        @Override public boolean shown(long[] args, int i) {
            return (args[0] & CLONE_EXIT_FIELDS) != 0;
        }

        /** strace 6.1's order: parent_tid, tls, child_tidptr. */
        @Override public void append(Call c, int i, StringBuilder out) {
            long flags = c.arg(0);
            boolean first = true;
            if ((flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) != 0) {
                out.append("parent_tid=");
                byte[] tid = reader.readOrPrintAddress(c.tid, c.arg(CLONE_PTID), 4, out);
                if (tid != null) out.append('[').append(LittleEndian.i32(tid, 0)).append(']');
                first = false;
            }
            if ((flags & CLONE_SETTLS) != 0) {
                if (!first) out.append(", ");
                out.append("tls=");
                Num.appendAddress(c.arg(CLONE_TLS), out);
                first = false;
            }
            if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
                if (!first) out.append(", ");
                out.append("child_tidptr=");
                Num.appendAddress(c.arg(CLONE_CTID), out);
            }
        }
    }
}
