package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** Descriptors as strace prints them with printfd: a number, and under -y / -yy what it refers to. */
final class FdDecoders {
    private FdDecoders() {}

    private static final FlagSet DIRFD = Flags.get("dirfd");
    private static final long AT_FDCWD = DIRFD.value("AT_FDCWD");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        TraceeReader.TaskElementPrinter fdElement = (tid, fd, out) -> reader.appendFd(tid, LittleEndian.i32(fd, 0), out);
        byKind[ArgKind.FD.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { reader.appendFd(c.tid, (int) c.arg(i), out); }
        };
        byKind[ArgKind.DIRFD.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                int fd = (int) c.arg(i);
                String name = DIRFD.nameOf(fd);
                if (name == null) {
                    reader.appendFd(c.tid, fd, out);
                    return;
                }
                out.append(name);
                if (fd == AT_FDCWD) reader.appendWorkingDirectory(c.tid, out);
            }
        };
        // pipe's and socketpair's two fds, an array that -s bounds like any other ([3, ...] at -s 1), each as -y prints it
        byKind[ArgKind.PIPEFDS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else reader.appendArray(c.tid, c.arg(i), 2, 4, fdElement, out);
            }
        };
    }

    /** A call's result that is a new descriptor (open, socket, dup...): {@code 3</etc/passwd>} under -y. */
    static void appendResult(int tid, long returnValue, TraceeReader reader, StringBuilder out) {
        if (returnValue >= 0 && returnValue <= Integer.MAX_VALUE) reader.appendFd(tid, (int) returnValue, out);
        else out.append(returnValue);
    }
}
