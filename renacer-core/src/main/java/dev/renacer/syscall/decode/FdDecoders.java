package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;

/** Descriptors as strace prints them with printfd: a number, and under -y / -yy what it refers to. */
final class FdDecoders {
    private FdDecoders() {}

    private static final FlagSet DIRFD = Flags.get("dirfd");
    private static final long AT_FDCWD = DIRFD.value("AT_FDCWD");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.FD.ordinal()] = (c, i, out) -> reader.appendFd(c.tid, (int) c.arg(i), out);
        byKind[ArgKind.DIRFD.ordinal()] = (c, i, out) -> {
            int fd = (int) c.arg(i);
            String name = DIRFD.nameOf(fd);
            if (name == null) {
                reader.appendFd(c.tid, fd, out);
                return;
            }
            out.append(name);
            if (fd == AT_FDCWD) reader.appendWorkingDirectory(c.tid, out);
        };
        byKind[ArgKind.PIPEFDS_OUT.ordinal()] = (c, i, out) -> {
            byte[] fds = reader.readOutputOrPrintAddress(c, c.arg(i), 8, out);
            if (fds == null) return;
            int read = LittleEndian.i32(fds, 0), write = LittleEndian.i32(fds, 4); // before the reused buffer is reused
            out.append('[');
            reader.appendFd(c.tid, read, out);
            out.append(", ");
            reader.appendFd(c.tid, write, out);
            out.append(']');
        };
    }

    /** A call's result that is a new descriptor (open, socket, dup...): {@code 3</etc/passwd>} under -y. */
    static void appendResult(int tid, long returnValue, TraceeReader reader, StringBuilder out) {
        if (returnValue >= 0 && returnValue <= Integer.MAX_VALUE) reader.appendFd(tid, (int) returnValue, out);
        else out.append(returnValue);
    }
}
