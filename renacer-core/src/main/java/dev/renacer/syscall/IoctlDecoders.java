package dev.renacer.syscall;

/**
 * ioctl's request and its argument, printed the way the request uses it: the common terminal and
 * fd requests by name with their int or winsize, others as strace's generic {@code _IOC(dir, type, nr, size)}.
 */
final class IoctlDecoders {
    private IoctlDecoders() {}

    private static final int FIONREAD = 0x541b, TIOCGPGRP = 0x540f, TIOCGPTN = 0x80045430;
    private static final int FIONBIO = 0x5421, TIOCSPGRP = 0x5410, TIOCSPTLCK = 0x40045431, FIOASYNC = 0x5452;
    private static final int TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;
    private static final int FIOCLEX = 0x5451, FIONCLEX = 0x5450, TIOCNOTTY = 0x5422;
    /** _IOW(0x94, 9, int): cp's reflink attempt; strace names both of its definitions. */
    private static final int FICLONE = 0x40049409;
    private static final String[] DIRECTIONS = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"};

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.IOCTL_CMD.ordinal()] = (c, i, out) -> appendRequest((int) c.arg(i), out);
        byKind[ArgKind.IOCTL_ARG.ordinal()] = new ArgDecoder() {
            @Override public boolean shown(long[] args, int i) {
                int request = (int) args[i - 1];
                return request != FIOCLEX && request != FIONCLEX && request != TIOCNOTTY;
            }

            @Override public void append(Call c, int i, StringBuilder out) {
                int request = (int) c.arg(i - 1);
                long arg = c.arg(i);
                switch (request) {
                    case FIONREAD: case TIOCGPGRP: case TIOCGPTN:
                        appendInt(c, arg, !c.failed(), reader, out);
                        break;
                    case FIONBIO: case TIOCSPGRP: case TIOCSPTLCK: case FIOASYNC:
                        appendInt(c, arg, true, reader, out);
                        break;
                    case TIOCGWINSZ:
                        appendWinsize(c, arg, !c.failed(), reader, out);
                        break;
                    case TIOCSWINSZ:
                        appendWinsize(c, arg, true, reader, out);
                        break;
                    case FICLONE: // the source descriptor, by value
                        out.append((int) arg);
                        break;
                    default:
                        Num.appendHexOrZero(arg, out);
                }
            }
        };
    }

    /** A known request by name; any other as {@code _IOC(_IOC_READ, 0x54, 0x1, 0x4)}. */
    static void appendRequest(int request, StringBuilder out) {
        if (request == FICLONE) {
            out.append("BTRFS_IOC_CLONE or FICLONE");
            return;
        }
        String name = Flags.IOCTL.nameOf(request & 0xffffffffL);
        if (name != null) {
            out.append(name);
            return;
        }
        out.append("_IOC(").append(DIRECTIONS[(request >>> 30) & 3]).append(", ");
        Num.appendHexOrZero((request >>> 8) & 0xff, out);
        out.append(", ");
        Num.appendHexOrZero(request & 0xff, out);
        out.append(", ");
        Num.appendHexOrZero((request >>> 16) & 0x3fff, out);
        out.append(')');
    }

    private static void appendInt(Call c, long address, boolean readable, TraceeReader reader, StringBuilder out) {
        byte[] v = readable ? reader.readStruct(c.tid, address, 4) : null;
        if (v == null) Num.appendAddress(address, out);
        else out.append('[').append(SiginfoFormat.i32(v, 0)).append(']');
    }

    private static void appendWinsize(Call c, long address, boolean readable, TraceeReader reader, StringBuilder out) {
        byte[] w = readable ? reader.readStruct(c.tid, address, 8) : null;
        if (w == null) {
            Num.appendAddress(address, out);
            return;
        }
        out.append("{ws_row=").append(u16(w, 0)).append(", ws_col=").append(u16(w, 2))
                .append(", ws_xpixel=").append(u16(w, 4)).append(", ws_ypixel=").append(u16(w, 6)).append('}');
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
