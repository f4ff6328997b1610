package dev.renacer.syscall;

/** Decoders of arguments that are the register value itself: integers, addresses, fds, flags. */
final class ScalarDecoders {
    private ScalarDecoders() {}

    static final int AT_FDCWD = -100;
    private static final int O_CREAT = 0100;
    private static final int O_TMPFILE = 020000000;
    private static final int O_ACCMODE = 3;
    private static final String[] ACCESS_MODES = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    private static final int MAP_TYPE = 0xf;
    private static final int F_SETFD = 2, F_SETFL = 4, F_DUPFD = 0, F_DUPFD_CLOEXEC = 1030;
    private static final int F_SETOWN = 8, F_SETSIG = 10, F_SETLEASE = 1024, F_NOTIFY = 1026;
    private static final int F_SETPIPE_SZ = 1031, F_ADD_SEALS = 1033;

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
        byKind[ArgKind.FD.ordinal()] = (c, i, out) -> out.append((int) c.arg(i));
        byKind[ArgKind.DIRFD.ordinal()] = ScalarDecoders::appendDirfd;
        byKind[ArgKind.OPEN_FLAGS.ordinal()] = (c, i, out) -> appendOpenFlags(c.arg(i), out);
        byKind[ArgKind.OPEN_MODE.ordinal()] = new ArgDecoder() {
            @Override public void append(Call c, int i, StringBuilder out) { Num.appendOctalMode(c.arg(i), out); }
            @Override public boolean shown(long[] args, int i) {
                return i > 0 && (args[i - 1] & (O_CREAT | O_TMPFILE)) != 0;
            }
        };
        byKind[ArgKind.MODE.ordinal()] = (c, i, out) -> Num.appendOctalMode(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.MAP_FLAGS.ordinal()] = (c, i, out) -> appendMapFlags(c.arg(i) & 0xffffffffL, out);
        byKind[ArgKind.FCNTL_CMD.ordinal()] = new FcntlDecoder();
        byKind[ArgKind.SIGNAL.ordinal()] = (c, i, out) -> Signals.appendName((int) c.arg(i), out);
    }

    private static void appendDirfd(Call c, int i, StringBuilder out) {
        int fd = (int) c.arg(i);
        if (fd == AT_FDCWD) out.append("AT_FDCWD");
        else out.append(fd);
    }

    /** The access mode always prints first (O_RDONLY is 0, so it cannot be a bit), then the other flags. */
    static void appendOpenFlags(long value, StringBuilder out) {
        long flags = value & 0xffffffffL;
        out.append(ACCESS_MODES[(int) (flags & O_ACCMODE)]);
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

    private static final int F_GETFD = 1, F_GETFL = 3;

    /** fcntl's result: F_GETFL and a non-zero F_GETFD in hex with their flags, the rest in decimal. */
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
            switch (cmd) {
                case F_SETFD:
                    out.append(", ");
                    Flags.FD_CLOEXEC.append(arg & 0xffffffffL, out);
                    break;
                case F_SETFL:
                    out.append(", ");
                    appendOpenFlags(arg, out);
                    break;
                case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETOWN: case F_SETLEASE: case F_NOTIFY:
                case F_SETPIPE_SZ: case F_ADD_SEALS:
                    out.append(", ").append((int) arg);
                    break;
                case F_SETSIG:
                    out.append(", ");
                    Signals.appendName((int) arg, out);
                    break;
                default:
                    if (Flags.FCNTL_CMD.nameOf(cmd & 0xffffffffL) == null || isPointerCommand(cmd)) {
                        out.append(", ");
                        Num.appendHexOrZero(arg, out);
                    }
            }
        }

        private static boolean isPointerCommand(int cmd) {
            return cmd == 5 || cmd == 6 || cmd == 7 || cmd == 15 || cmd == 16 || cmd == 17
                    || cmd == 36 || cmd == 37 || cmd == 38 || (cmd >= 1035 && cmd <= 1038);
        }
    }
}
