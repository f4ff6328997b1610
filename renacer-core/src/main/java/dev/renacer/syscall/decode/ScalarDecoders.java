package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;

/** Decoders of arguments that are the register value itself: integers, addresses, fds, flags. */
final class ScalarDecoders {
    private ScalarDecoders() {}

    private static final FlagSet OPEN_ACCESS = Flags.get("open_access_mode");
    /** The access mode's bits, which strace also names when they are all set. */
    private static final long O_ACCMODE = OPEN_ACCESS.value("O_ACCMODE");
    /** open's mode is an argument only when the flags ask for a file to be made. */
    private static final long MODE_USED = Flags.OPEN.value("O_CREAT") | Flags.OPEN.value("__O_TMPFILE");
    /** The kernel's MAP_TYPE mask: the mapping type is a value in these bits, not flags. */
    private static final int MAP_TYPE = 0xf;

    /** What fcntl's third argument is, for each command of flags-files.tbl's fcntl_cmd. */
    private enum FcntlArg {
        NONE, FD_FLAGS, OPEN_FLAGS, INT, SIGNAL, ADDRESS,
        /** A command the table does not name: the argument in hex, as strace prints it. */
        UNKNOWN
    }

    private static final Cases<FcntlArg> FCNTL_ARGS = new Cases<>(Flags.FCNTL_CMD, FcntlArg.UNKNOWN)
            .with(FcntlArg.NONE, "F_GETFD", "F_GETFL", "F_GETOWN", "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ", "F_GET_SEALS")
            .with(FcntlArg.FD_FLAGS, "F_SETFD")
            .with(FcntlArg.OPEN_FLAGS, "F_SETFL")
            .with(FcntlArg.INT, "F_DUPFD", "F_DUPFD_CLOEXEC", "F_SETOWN", "F_SETLEASE", "F_NOTIFY", "F_SETPIPE_SZ",
                    "F_ADD_SEALS")
            .with(FcntlArg.SIGNAL, "F_SETSIG")
            .with(FcntlArg.ADDRESS, "F_GETLK", "F_SETLK", "F_SETLKW", "F_SETOWN_EX", "F_GETOWN_EX", "F_GETOWNER_UIDS",
                    "F_OFD_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "F_GET_RW_HINT", "F_SET_RW_HINT", "F_GET_FILE_RW_HINT",
                    "F_SET_FILE_RW_HINT");
    private static final int F_GETFD = (int) Flags.FCNTL_CMD.value("F_GETFD");
    private static final int F_GETFL = (int) Flags.FCNTL_CMD.value("F_GETFL");
    private static final int F_DUPFD = (int) Flags.FCNTL_CMD.value("F_DUPFD");
    private static final int F_DUPFD_CLOEXEC = (int) Flags.FCNTL_CMD.value("F_DUPFD_CLOEXEC");

    static void register(ArgDecoder[] byKind) {
        byKind[ArgKind.HEX.ordinal()] = (c, i, out) -> Num.appendHexOrZero(c.arg(i), out);
        byKind[ArgKind.UNDECODED.ordinal()] = byKind[ArgKind.HEX.ordinal()];
        byKind[ArgKind.SKIPPED.ordinal()] = new ArgDecoder() {
            @Override public void append(Call c, int i, StringBuilder out) {}
            @Override public boolean shown(long[] args, int i) { return false; }
        };
        byKind[ArgKind.FLAGS.ordinal()] = (c, i, out) -> SyscallTable.flagSet(c.number, i).append(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.INT.ordinal()] = (c, i, out) -> out.append((int) c.arg(i));
        byKind[ArgKind.UINT.ordinal()] = (c, i, out) -> out.append(c.arg(i) & 0xffffffffL);
        byKind[ArgKind.LONG.ordinal()] = (c, i, out) -> out.append(c.arg(i));
        byKind[ArgKind.ULONG.ordinal()] = (c, i, out) -> Num.appendUnsigned(c.arg(i), out);
        byKind[ArgKind.PTR.ordinal()] = (c, i, out) -> Num.appendAddress(c.arg(i), out);
        byKind[ArgKind.OPEN_FLAGS.ordinal()] = (c, i, out) -> appendOpenFlags(c.arg(i), out);
        byKind[ArgKind.OPEN_MODE.ordinal()] = new ArgDecoder() {
            @Override public void append(Call c, int i, StringBuilder out) { Num.appendOctalMode(c.arg(i), out); }
            @Override public boolean shown(long[] args, int i) {
                return i > 0 && (args[i - 1] & MODE_USED) != 0;
            }
        };
        byKind[ArgKind.MODE.ordinal()] = (c, i, out) -> Num.appendOctalMode(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.MAP_FLAGS.ordinal()] = (c, i, out) -> appendMapFlags(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.FCNTL_CMD.ordinal()] = new FcntlDecoder();
        byKind[ArgKind.SIGNAL.ordinal()] = (c, i, out) -> Signals.appendName((int) c.arg(i), out);
    }

    /** The access mode always prints first (O_RDONLY is 0, so it cannot be a bit), then the other flags. */
    static void appendOpenFlags(long value, StringBuilder out) {
        long flags = value & 0xffffffffL;
        OPEN_ACCESS.append(flags & O_ACCMODE, out);
        long rest = flags & ~O_ACCMODE;
        if (rest != 0) {
            out.append('|');
            Flags.OPEN.appendBits(rest, out);
        }
    }

    /** The mapping type (MAP_PRIVATE...) is a value in the low bits, printed before the flag bits. */
    private static void appendMapFlags(long flags, StringBuilder out) {
        Flags.MAP_TYPE.append(flags & MAP_TYPE, out);
        long rest = flags & ~MAP_TYPE;
        if (rest != 0) {
            out.append('|');
            Flags.MAP.appendBits(rest, out);
        }
    }

    /** fcntl's result: F_GETFL and a non-zero F_GETFD in hex with their flags, the rest in decimal. */
    /** fcntl's F_DUPFD and F_DUPFD_CLOEXEC, whose result is a new descriptor. */
    static boolean duplicates(long[] args) {
        int cmd = (int) args[1];
        return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC;
    }

    static void appendFcntlResult(long[] args, long result, StringBuilder out) {
        int cmd = (int) args[1];
        if (cmd == F_GETFL) {
            Num.appendHexOrZero(result, out);
            out.append(" (flags ");
            appendOpenFlags(result, out);
            out.append(')');
        } else if (cmd == F_GETFD && result != 0) {
            Num.appendHex(result, out);
            out.append(" (flags ");
            Flags.FD_CLOEXEC.append(result, out);
            out.append(')');
        } else {
            out.append(result);
        }
    }

    /**
     * fcntl's command, and its third argument printed the way that command reads it: F_SETFD takes
     * FD_CLOEXEC, F_SETFL takes O_* flags, the F_DUPFD family a number; commands without an argument
     * (F_GETFD, F_GETFL...) print none, so this decoder prints the command and the argument together.
     */
    private static final class FcntlDecoder implements ArgDecoder {
        @Override public void append(Call c, int i, StringBuilder out) {
            int cmd = (int) c.arg(i);
            Flags.FCNTL_CMD.append(cmd & 0xffffffffL, out);
            if (i + 1 >= c.args.length) return;
            long arg = c.arg(i + 1);
            switch (FCNTL_ARGS.of(cmd)) {
                case NONE:
                    break;
                case FD_FLAGS:
                    out.append(", ");
                    Flags.FD_CLOEXEC.append(arg & 0xffffffffL, out);
                    break;
                case OPEN_FLAGS:
                    out.append(", ");
                    appendOpenFlags(arg, out);
                    break;
                case INT:
                    out.append(", ").append((int) arg);
                    break;
                case SIGNAL:
                    out.append(", ");
                    Signals.appendName((int) arg, out);
                    break;
                default: // ADDRESS, UNKNOWN
                    out.append(", ");
                    Num.appendHexOrZero(arg, out);
            }
        }
    }
}
