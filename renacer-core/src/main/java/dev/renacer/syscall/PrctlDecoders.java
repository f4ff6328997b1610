package dev.renacer.syscall;

/**
 * prctl prints its option, then only the arguments that option uses, some of them read back at exit
 * (PR_GET_NAME's buffer), following strace 6.1's prctl decoder for the options programs commonly use;
 * the others show their remaining arguments in hex, as strace does for options it does not decode.
 */
final class PrctlDecoders {
    private PrctlDecoders() {}

    private static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4;
    private static final int PR_GET_KEEPCAPS = 7, PR_SET_KEEPCAPS = 8, PR_GET_FPEMU = 9, PR_SET_FPEMU = 10;
    private static final int PR_GET_FPEXC = 11, PR_SET_FPEXC = 12, PR_GET_TIMING = 13, PR_SET_TIMING = 14;
    private static final int PR_SET_NAME = 15, PR_GET_NAME = 16, PR_GET_ENDIAN = 19, PR_SET_ENDIAN = 20;
    private static final int PR_GET_SECCOMP = 21, PR_SET_SECCOMP = 22, PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24;
    private static final int PR_GET_SECUREBITS = 27, PR_SET_TIMERSLACK = 29, PR_GET_TIMERSLACK = 30;
    private static final int PR_GET_FP_MODE = 46;
    private static final int PR_TASK_PERF_EVENTS_DISABLE = 31, PR_TASK_PERF_EVENTS_ENABLE = 32;
    private static final int PR_SET_CHILD_SUBREAPER = 36, PR_GET_CHILD_SUBREAPER = 37, PR_SET_NO_NEW_PRIVS = 38;
    private static final int PR_SET_THP_DISABLE = 41, PR_SET_IO_FLUSHER = 57, PR_SET_VMA = 0x53564d41;
    private static final int SECCOMP_MODE_STRICT = 1, SECCOMP_MODE_FILTER = 2, PR_SET_VMA_ANON_NAME = 0;
    private static final int TASK_COMM_LEN = 16;
    private static final int PRCTL_ARGS = 5;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.PRCTL_OPTION.ordinal()] = (c, i, out) -> appendEntry(c, reader, out);
        byKind[ArgKind.PRCTL_OUT.ordinal()] = new ArgDecoder() {
            @Override public boolean shown(long[] args, int i) {
                return readsBack((int) args[0]);
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

    private static boolean readsBack(int option) {
        return option == PR_GET_NAME || option == PR_GET_PDEATHSIG || option == PR_GET_CHILD_SUBREAPER
                || option == PR_GET_ENDIAN || option == PR_GET_FPEMU || option == PR_GET_FPEXC;
    }

    private static void appendEntry(Call c, TraceeReader reader, StringBuilder out) {
        int option = (int) c.arg(0);
        long arg2 = c.arg(1);
        Flags.PRCTL.append(option & 0xffffffffL, out);
        switch (option) {
            case PR_GET_KEEPCAPS: case PR_GET_SECCOMP: case PR_GET_TIMERSLACK: case PR_GET_TIMING:
            case PR_GET_DUMPABLE: case PR_GET_SECUREBITS: case PR_GET_FP_MODE:
            case PR_TASK_PERF_EVENTS_DISABLE: case PR_TASK_PERF_EVENTS_ENABLE:
                return;
            case PR_SET_CHILD_SUBREAPER: case PR_SET_ENDIAN: case PR_SET_FPEMU: case PR_SET_FPEXC:
            case PR_SET_KEEPCAPS: case PR_SET_TIMING:
                out.append(", ");
                Num.appendUnsigned(arg2, out);
                return;
            case PR_SET_DUMPABLE:
                out.append(", ");
                Flags.SUID_DUMP.append(arg2, out);
                return;
            case PR_CAPBSET_READ: case PR_CAPBSET_DROP:
                out.append(", ");
                Flags.CAPABILITY.append(arg2, out);
                return;
            case PR_SET_NAME:
                out.append(", ");
                reader.appendString(c.tid, arg2, TASK_COMM_LEN - 1, out);
                return;
            case PR_SET_PDEATHSIG:
                out.append(", ");
                if (Long.compareUnsigned(arg2, 128) > 0) Num.appendUnsigned(arg2, out);
                else Signals.appendName((int) arg2, out);
                return;
            case PR_SET_TIMERSLACK:
                out.append(", ").append(arg2);
                return;
            case PR_SET_SECCOMP:
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
            case PR_SET_NO_NEW_PRIVS: case PR_SET_THP_DISABLE: case PR_SET_IO_FLUSHER:
                out.append(", ");
                Num.appendUnsigned(arg2, out);
                appendHexArgs(c, 2, out);
                return;
            case PR_SET_VMA:
                out.append(", ");
                if (arg2 == PR_SET_VMA_ANON_NAME) {
                    out.append("PR_SET_VMA_ANON_NAME, ");
                    Num.appendAddress(c.arg(2), out);
                    out.append(", ");
                    Num.appendUnsigned(c.arg(3), out);
                    out.append(", ");
                    reader.appendString(c.tid, c.arg(4), out);
                } else {
                    Num.appendHex(arg2, out);
                    out.append(" /* PR_SET_VMA_??? */");
                    appendHexArgs(c, 2, out);
                }
                return;
            default:
                if (!readsBack(option)) appendHexArgs(c, 1, out);
        }
    }

    private static void appendExit(Call c, TraceeReader reader, StringBuilder out) {
        int option = (int) c.arg(0);
        long address = c.arg(1);
        if (option == PR_GET_NAME) {
            if (c.failed()) Num.appendAddress(address, out);
            else reader.appendString(c.tid, address, TASK_COMM_LEN, out);
            return;
        }
        byte[] v = c.failed() ? null : reader.readStruct(c.tid, address, 4);
        if (v == null) {
            Num.appendAddress(address, out);
            return;
        }
        out.append('[');
        if (option == PR_GET_PDEATHSIG) Signals.appendName(SiginfoFormat.i32(v, 0), out);
        else out.append(SiginfoFormat.i32(v, 0) & 0xffffffffL);
        out.append(']');
    }

    /** struct sock_fprog: {@code {len=4, filter=0x7fff4b0c0220}}. */
    private static void appendSockFprog(Call c, long address, TraceeReader reader, StringBuilder out) {
        byte[] prog = reader.readStruct(c.tid, address, 16);
        if (prog == null) {
            Num.appendAddress(address, out);
            return;
        }
        out.append("{len=").append((prog[0] & 0xff) | (prog[1] & 0xff) << 8).append(", filter=");
        Num.appendAddress(SiginfoFormat.i64(prog, 8), out);
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
