package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;

/**
 * prctl prints its option, then only the arguments that option uses, some of them read back at exit
 * (PR_GET_NAME's buffer), following strace 6.1's prctl decoder for the options programs commonly use;
 * the others show their remaining arguments in hex, as strace does for options it does not decode.
 */
final class PrctlDecoders {
    private PrctlDecoders() {}

    /** How each option's arguments print, after the option; the options are named in flags-process.tbl. */
    private enum Args {
        /** Other options: the remaining arguments in hex, as strace prints options it does not decode. */
        HEX,
        NONE, UNSIGNED, SUID_DUMP, CAPABILITY, CAP_AMBIENT, COMM, DEATH_SIGNAL, DECIMAL, SECCOMP, UNSIGNED_THEN_HEX, VMA,
        /** The option reads a value back into its second argument, printed at exit: a comm, a signal, an int. */
        COMM_OUT, SIGNAL_OUT, UINT_OUT
    }

    private static final Cases<Args> OPTIONS = new Cases<>(Flags.PRCTL, Args.HEX)
            .with(Args.NONE, "PR_GET_KEEPCAPS", "PR_GET_SECCOMP", "PR_GET_TIMERSLACK", "PR_GET_TIMING", "PR_GET_DUMPABLE",
                    "PR_GET_SECUREBITS", "PR_GET_FP_MODE", "PR_TASK_PERF_EVENTS_DISABLE", "PR_TASK_PERF_EVENTS_ENABLE")
            .with(Args.UNSIGNED, "PR_SET_CHILD_SUBREAPER", "PR_SET_ENDIAN", "PR_SET_FPEMU", "PR_SET_FPEXC",
                    "PR_SET_KEEPCAPS", "PR_SET_TIMING")
            .with(Args.SUID_DUMP, "PR_SET_DUMPABLE")
            .with(Args.CAPABILITY, "PR_CAPBSET_READ", "PR_CAPBSET_DROP")
            .with(Args.CAP_AMBIENT, "PR_CAP_AMBIENT")
            .with(Args.COMM, "PR_SET_NAME")
            .with(Args.DEATH_SIGNAL, "PR_SET_PDEATHSIG")
            .with(Args.DECIMAL, "PR_SET_TIMERSLACK")
            .with(Args.SECCOMP, "PR_SET_SECCOMP")
            .with(Args.UNSIGNED_THEN_HEX, "PR_SET_NO_NEW_PRIVS", "PR_SET_THP_DISABLE", "PR_SET_IO_FLUSHER")
            .with(Args.VMA, "PR_SET_VMA")
            .with(Args.COMM_OUT, "PR_GET_NAME")
            .with(Args.SIGNAL_OUT, "PR_GET_PDEATHSIG")
            .with(Args.UINT_OUT, "PR_GET_CHILD_SUBREAPER", "PR_GET_ENDIAN", "PR_GET_FPEMU", "PR_GET_FPEXC");
    private static final int PR_GET_DUMPABLE = (int) Flags.PRCTL.value("PR_GET_DUMPABLE");
    private static final long SECCOMP_MODE_STRICT = Flags.SECCOMP_MODE.value("SECCOMP_MODE_STRICT");
    private static final long SECCOMP_MODE_FILTER = Flags.SECCOMP_MODE.value("SECCOMP_MODE_FILTER");
    private static final FlagSet VMA_OPERATION = Flags.get("pr_set_vma");
    private static final long PR_SET_VMA_ANON_NAME = VMA_OPERATION.value("PR_SET_VMA_ANON_NAME");
    private static final int TASK_COMM_LEN = 16;
    private static final FlagSet CAP_AMBIENT = Flags.get("pr_cap_ambient");
    private static final long PR_CAP_AMBIENT_CLEAR_ALL = CAP_AMBIENT.value("PR_CAP_AMBIENT_CLEAR_ALL");
    private static final int PRCTL_ARGS = 5;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.PRCTL_OPTION.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendEntry(c, reader, out); }
        };
        byKind[ArgKind.PRCTL_OUT.ordinal()] = new ArgDecoder() {
            @Override public boolean shown(long[] args, int i) {
                return readsBack(OPTIONS.of(args[0]));
            }

            @Override public void append(Call c, int i, StringBuilder out) {
                appendExit(c, reader, out);
            }
        };
    }

    /** PR_GET_DUMPABLE's result is named: {@code 1 (SUID_DUMP_USER)}. */
    static void appendResult(long[] args, long result, StringBuilder out) {
        out.append(result);
        if ((int) args[0] == PR_GET_DUMPABLE) {
            String name = Flags.SUID_DUMP.nameOf(result);
            if (name != null) out.append(" (").append(name).append(')');
        }
    }

    private static boolean readsBack(Args args) {
        return args == Args.COMM_OUT || args == Args.SIGNAL_OUT || args == Args.UINT_OUT;
    }

    private static void appendEntry(Call c, TraceeReader reader, StringBuilder out) {
        long arg2 = c.arg(1);
        Flags.PRCTL.append(c.arg(0) & 0xffffffffL, out);
        Args args = OPTIONS.of(c.arg(0));
        switch (args) {
            case NONE:
                return;
            case UNSIGNED:
                out.append(", ");
                Num.appendUnsigned(arg2, out);
                return;
            case SUID_DUMP:
                out.append(", ");
                Flags.SUID_DUMP.append(arg2, out);
                return;
            case CAPABILITY:
                out.append(", ");
                Flags.CAPABILITY.append(arg2, out);
                return;
            case CAP_AMBIENT:
                // IS_SET, RAISE and LOWER name a capability; CLEAR_ALL and unknown operations take none
                out.append(", ");
                CAP_AMBIENT.append(arg2, out);
                if (arg2 == PR_CAP_AMBIENT_CLEAR_ALL || CAP_AMBIENT.nameOf(arg2) == null) {
                    appendHexArgs(c, 2, out);
                    return;
                }
                out.append(", ");
                Flags.CAPABILITY.append(c.arg(2), out);
                appendHexArgs(c, 3, out);
                return;
            case COMM:
                out.append(", ");
                reader.appendStringField(c.tid, arg2, TASK_COMM_LEN - 1, out);
                return;
            case DEATH_SIGNAL:
                out.append(", ");
                if (Long.compareUnsigned(arg2, 128) > 0) Num.appendUnsigned(arg2, out);
                else Signals.appendName((int) arg2, out);
                return;
            case DECIMAL:
                out.append(", ").append(arg2);
                return;
            case SECCOMP:
                out.append(", ");
                Flags.SECCOMP_MODE.append(arg2, out);
                if (arg2 == SECCOMP_MODE_STRICT) return;
                if (arg2 == SECCOMP_MODE_FILTER) {
                    out.append(", ");
                    appendSockFprog(c, c.arg(2), reader, out);
                    return;
                }
                appendHexArgs(c, 2, out);
                return;
            case UNSIGNED_THEN_HEX:
                out.append(", ");
                Num.appendUnsigned(arg2, out);
                appendHexArgs(c, 2, out);
                return;
            case VMA:
                out.append(", ");
                VMA_OPERATION.append(arg2, out);
                if (arg2 == PR_SET_VMA_ANON_NAME) {
                    out.append(", ");
                    Num.appendAddress(c.arg(2), out);
                    out.append(", ");
                    Num.appendUnsigned(c.arg(3), out);
                    out.append(", ");
                    reader.appendString(c.tid, c.arg(4), out);
                } else {
                    appendHexArgs(c, 2, out);
                }
                return;
            default:
                if (!readsBack(args)) appendHexArgs(c, 1, out);
        }
    }

    private static void appendExit(Call c, TraceeReader reader, StringBuilder out) {
        Args args = OPTIONS.of(c.arg(0));
        long address = c.arg(1);
        if (args == Args.COMM_OUT) {
            if (c.failed()) Num.appendAddress(address, out);
            else reader.appendStringField(c.tid, address, TASK_COMM_LEN, out);
            return;
        }
        byte[] v = reader.readOutputOrPrintAddress(c, address, 4, out);
        if (v == null) return;
        out.append('[');
        if (args == Args.SIGNAL_OUT) Signals.appendName(LittleEndian.i32(v, 0), out);
        else out.append(LittleEndian.u32(v, 0));
        out.append(']');
    }

    /** struct sock_fprog: {@code {len=4, filter=0x7fff4b0c0220}}. */
    private static void appendSockFprog(Call c, long address, TraceeReader reader, StringBuilder out) {
        byte[] prog = reader.readOrPrintAddress(c.tid, address, 16, out);
        if (prog == null) return;
        out.append("{len=").append(LittleEndian.u16(prog, 0)).append(", filter=");
        Num.appendAddress(LittleEndian.i64(prog, 8), out);
        out.append('}');
    }

    /** strace's print_prctl_args: the arguments from {@code first} on, in hex. */
    private static void appendHexArgs(Call c, int first, StringBuilder out) {
        for (int a = first; a < PRCTL_ARGS; a++) {
            out.append(", ");
            Num.appendHexOrZero(c.arg(a), out);
        }
    }
}
