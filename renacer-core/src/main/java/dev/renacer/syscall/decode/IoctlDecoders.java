package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/**
 * ioctl's request and its argument, printed the way the request uses it: the common terminal and
 * fd requests by name with their int or winsize, others as strace's generic {@code _IOC(dir, type, nr, size)}.
 */
final class IoctlDecoders {
    private IoctlDecoders() {}

    private static final int WINSIZE = 8; // struct winsize: four unsigned shorts
    private static final String[] DIRECTIONS = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"};

    /** How each request of flags-files.tbl's ioctl_cmd uses the argument. */
    private enum Arg {
        /** Requests not decoded: the argument in hex. */
        HEX,
        /** No argument: strace prints none ({@code ioctl(3, FIOCLEX)}). */
        NONE,
        /** An int the call writes (shown after the call, unless it failed), or reads. */
        INT_OUT, INT_IN,
        WINSIZE_OUT, WINSIZE_IN,
        /** A descriptor passed by value (FICLONE's source), or an int (TCSBRK's duration). */
        FD
    }

    private static final Cases<Arg> REQUESTS = new Cases<>(Flags.IOCTL, Arg.HEX)
            .with(Arg.NONE, "FIOCLEX", "FIONCLEX", "TIOCNOTTY")
            .with(Arg.INT_OUT, "FIONREAD", "TIOCGPGRP", "TIOCGPTN")
            .with(Arg.INT_IN, "FIONBIO", "TIOCSPGRP", "TIOCSPTLCK", "FIOASYNC")
            .with(Arg.WINSIZE_OUT, "TIOCGWINSZ")
            .with(Arg.WINSIZE_IN, "TIOCSWINSZ")
            .with(Arg.FD, "FICLONE", "TCSBRK", "TCSBRKP", "TIOCSCTTY");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.IOCTL_CMD.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendRequest((int) c.arg(i), out); }
        };
        byKind[ArgKind.IOCTL_ARG.ordinal()] = new ArgDecoder() {
            @Override public boolean shown(long[] args, int i) {
                return REQUESTS.of(args[i - 1]) != Arg.NONE;
            }

            @Override public void append(Call c, int i, StringBuilder out) {
                long arg = c.arg(i);
                switch (REQUESTS.of(c.arg(i - 1))) {
                    case INT_OUT:
                        appendInt(reader.readOutputOrPrintAddress(c, arg, 4, out), out);
                        break;
                    case INT_IN:
                        appendInt(reader.readOrPrintAddress(c.tid, arg, 4, out), out);
                        break;
                    case WINSIZE_OUT:
                        appendWinsize(reader.readOutputOrPrintAddress(c, arg, WINSIZE, out), out);
                        break;
                    case WINSIZE_IN:
                        appendWinsize(reader.readOrPrintAddress(c.tid, arg, WINSIZE, out), out);
                        break;
                    case FD:
                        out.append((int) arg);
                        break;
                    default:
                        Num.appendHexOrZero(arg, out);
                }
            }
        };
    }

    /**
     * A known request by every name it has ({@code BTRFS_IOC_CLONE or FICLONE}, as strace lists the
     * definitions of one number); any other as {@code _IOC(_IOC_READ, 0x54, 0x1, 0x4)}.
     */
    static void appendRequest(int request, StringBuilder out) {
        if (Flags.IOCTL.appendNames(request & 0xffffffffL, " or ", out)) return;
        out.append("_IOC(").append(DIRECTIONS[(request >>> 30) & 3]).append(", ");
        Num.appendHexOrZero((request >>> 8) & 0xff, out);
        out.append(", ");
        Num.appendHexOrZero(request & 0xff, out);
        out.append(", ");
        Num.appendHexOrZero((request >>> 16) & 0x3fff, out);
        out.append(')');
    }

    /** {@code [3]}; nothing when the int was not read (its address is printed instead). */
    private static void appendInt(byte[] v, StringBuilder out) {
        if (v != null) out.append('[').append(LittleEndian.i32(v, 0)).append(']');
    }

    private static void appendWinsize(byte[] w, StringBuilder out) {
        if (w == null) return;
        out.append("{ws_row=").append(LittleEndian.u16(w, 0)).append(", ws_col=").append(LittleEndian.u16(w, 2))
                .append(", ws_xpixel=").append(LittleEndian.u16(w, 4))
                .append(", ws_ypixel=").append(LittleEndian.u16(w, 6)).append('}');
    }
}
