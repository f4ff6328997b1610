package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;

/**
 * fcntl as strace 6.1's print_fcntl prints it: the command, then its third argument the way that command
 * uses it (flags, a number, a signal, a struct flock or f_owner_ex read at entry, or, for the commands
 * that fill one, read at exit), and the result of the F_GET* commands spelled out.
 */
final class FcntlDecoders {
    private FcntlDecoders() {}

    private static final FlagSet LOCK_TYPE = Flags.get("lock_type"), WHENCE = Flags.get("whence");
    private static final FlagSet SEALS = Flags.get("f_seals"), NOTIFY = Flags.get("dn_flags");
    private static final FlagSet OWNER_TYPE = Flags.get("f_owner_type");
    // struct flock on x86_64 (struct flock64 is the same): two shorts, then off_t start and len, then pid
    private static final int FLOCK_SIZE = 32, L_TYPE = 0, L_WHENCE = 2, L_START = 8, L_LEN = 16, L_PID = 24;
    // struct f_owner_ex: int type, pid_t pid
    private static final int OWNER_SIZE = 8, OWNER_PID = 4;
    // fcntl(fd, cmd, arg)
    private static final int CMD = 1, ARG = 2;

    /** What fcntl's third argument is, for each command of flags-files.tbl's fcntl_cmd. */
    private enum Arg {
        NONE, FD_FLAGS, OPEN_FLAGS, INT, SIGNAL, LEASE, NOTIFY, SEALS,
        /** A struct flock the call reads; LOCK_OUT one it fills (F_GETLK), printed at exit. */
        LOCK, LOCK_OUT,
        /** A struct f_owner_ex the call reads; OWNER_OUT one it fills. */
        OWNER, OWNER_OUT,
        /** A command the table does not name, or one strace prints the argument of in hex. */
        HEX
    }

    private static final Cases<Arg> ARGS = new Cases<>(Flags.FCNTL_CMD, Arg.HEX)
            .with(Arg.NONE, "F_GETFD", "F_GETFL", "F_GETOWN", "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ", "F_GET_SEALS")
            .with(Arg.FD_FLAGS, "F_SETFD")
            .with(Arg.OPEN_FLAGS, "F_SETFL")
            .with(Arg.INT, "F_DUPFD", "F_DUPFD_CLOEXEC", "F_SETOWN", "F_SETPIPE_SZ")
            .with(Arg.SIGNAL, "F_SETSIG")
            .with(Arg.LEASE, "F_SETLEASE")
            .with(Arg.NOTIFY, "F_NOTIFY")
            .with(Arg.SEALS, "F_ADD_SEALS")
            .with(Arg.LOCK, "F_SETLK", "F_SETLKW", "F_OFD_SETLK", "F_OFD_SETLKW")
            .with(Arg.LOCK_OUT, "F_GETLK", "F_OFD_GETLK")
            .with(Arg.OWNER, "F_SETOWN_EX")
            .with(Arg.OWNER_OUT, "F_GETOWN_EX");

    /** How a command's result prints, when not as a plain number; DESCRIPTOR: a new descriptor (-y prints its path). */
    private enum Result { DECIMAL, FD_FLAGS, OPEN_FLAGS, LEASE, SEALS, SIGNAL, DESCRIPTOR }

    private static final Cases<Result> RESULTS = new Cases<>(Flags.FCNTL_CMD, Result.DECIMAL)
            .with(Result.DESCRIPTOR, "F_DUPFD", "F_DUPFD_CLOEXEC")
            .with(Result.FD_FLAGS, "F_GETFD")
            .with(Result.OPEN_FLAGS, "F_GETFL")
            .with(Result.LEASE, "F_GETLEASE")
            .with(Result.SEALS, "F_GET_SEALS")
            .with(Result.SIGNAL, "F_GETSIG");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.FCNTL_CMD.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendEntry(c, reader, out); }
        };
        byKind[ArgKind.FCNTL_OUT.ordinal()] = new ArgDecoder() {
            @Override public boolean shown(long[] args, int i) {
                Arg arg = ARGS.of(args[CMD]);
                return arg == Arg.LOCK_OUT || arg == Arg.OWNER_OUT;
            }

            @Override public void append(Call c, int i, StringBuilder out) {
                if (ARGS.of(c.arg(CMD)) == Arg.LOCK_OUT) appendFlock(c, true, reader, out);
                else appendOwner(c, reader, out);
            }
        };
    }

    /** The command, and its argument when the call reads it. */
    private static void appendEntry(Call c, TraceeReader reader, StringBuilder out) {
        Flags.FCNTL_CMD.append(c.arg(CMD) & 0xffffffffL, out);
        Arg arg = ARGS.of(c.arg(CMD));
        if (arg == Arg.NONE || arg == Arg.LOCK_OUT || arg == Arg.OWNER_OUT) return;
        long value = c.arg(ARG);
        out.append(", ");
        switch (arg) {
            case FD_FLAGS -> Flags.FD_CLOEXEC.append(value & 0xffffffffL, out);
            case OPEN_FLAGS -> ScalarDecoders.appendOpenFlags(value, out);
            case INT -> out.append((int) value);
            case SIGNAL -> Signals.appendName((int) value, out);
            case LEASE -> LOCK_TYPE.append(value, out);
            case NOTIFY -> NOTIFY.append(value, out);
            case SEALS -> SEALS.append(value, out);
            case LOCK -> appendFlock(c, false, reader, out);
            case OWNER -> appendOwner(c, reader, out);
            default -> Num.appendHexOrZero(value, out);
        }
    }

    /** {@code {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}}, with the lock holder's l_pid for F_GETLK. */
    private static void appendFlock(Call c, boolean filled, TraceeReader reader, StringBuilder out) {
        byte[] lock = reader.readOutputOrPrintAddress(c, c.arg(ARG), FLOCK_SIZE, out);
        if (lock == null) return;
        out.append("{l_type=");
        LOCK_TYPE.append(LittleEndian.u16(lock, L_TYPE), out);
        out.append(", l_whence=");
        WHENCE.append(LittleEndian.u16(lock, L_WHENCE), out);
        out.append(", l_start=").append(LittleEndian.i64(lock, L_START));
        out.append(", l_len=").append(LittleEndian.i64(lock, L_LEN));
        if (filled) out.append(", l_pid=").append(LittleEndian.i32(lock, L_PID));
        out.append('}');
    }

    /** {@code {type=F_OWNER_TID, pid=2574}}. */
    private static void appendOwner(Call c, TraceeReader reader, StringBuilder out) {
        byte[] owner = reader.readOutputOrPrintAddress(c, c.arg(ARG), OWNER_SIZE, out);
        if (owner == null) return;
        out.append("{type=");
        OWNER_TYPE.append(LittleEndian.u32(owner, 0), out);
        out.append(", pid=").append(LittleEndian.i32(owner, OWNER_PID)).append('}');
    }

    /** fcntl's F_DUPFD and F_DUPFD_CLOEXEC, whose result is a new descriptor, printed as one (strace's RVAL_FD). */
    static boolean duplicates(long[] args) {
        return RESULTS.of(args[CMD]) == Result.DESCRIPTOR;
    }

    /**
     * fcntl's result: F_GETFL and a non-zero F_GETFD or F_GET_SEALS in hex with their flags, F_GETLEASE in hex with
     * the lease's name, a non-zero F_GETSIG with the signal's; the rest in decimal.
     */
    static void appendResult(long[] args, long result, StringBuilder out) {
        switch (RESULTS.of(args[CMD])) {
            case OPEN_FLAGS -> {
                Num.appendHexOrZero(result, out);
                out.append(" (flags ");
                ScalarDecoders.appendOpenFlags(result, out);
                out.append(')');
            }
            case FD_FLAGS -> appendNamedHex(result, "flags ", Flags.FD_CLOEXEC, out);
            case SEALS -> appendNamedHex(result, "seals ", SEALS, out);
            case LEASE -> {
                Num.appendHexOrZero(result, out);
                String name = LOCK_TYPE.nameOf(result);
                if (name != null) out.append(" (").append(name).append(')');
            }
            case SIGNAL -> Signals.appendNumberAndName(result, out);
            default -> out.append(result);
        }
    }

    /** A non-zero result as {@code 0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)}; 0 as a plain 0. */
    private static void appendNamedHex(long result, String prefix, FlagSet flags, StringBuilder out) {
        if (result == 0) {
            out.append('0');
            return;
        }
        Num.appendHex(result, out);
        out.append(" (").append(prefix);
        flags.appendBits(result, out);
        out.append(')');
    }
}
