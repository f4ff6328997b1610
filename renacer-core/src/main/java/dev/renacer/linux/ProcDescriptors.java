package dev.renacer.linux;

import dev.renacer.syscall.FileDescriptors;

import java.nio.charset.StandardCharsets;

/**
 * {@link FileDescriptors} on /proc/TID/fd, /proc/TID/fdinfo and a NETLINK_SOCK_DIAG socket, as strace
 * reads them (pathtrace.c, util.c, socketutils.c). One instance per tracer, used on the tracer thread
 * only: every path is built in a reused buffer, so a lookup allocates nothing.
 */
public final class ProcDescriptors implements FileDescriptors {
    private static final byte[] PROC = "/proc/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FD = "/fd/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FDINFO = "/fdinfo/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CWD = "/cwd".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SOCKPROTONAME = "system.sockprotoname\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PID_LINE = "\nPid:\t".getBytes(StandardCharsets.US_ASCII);
    private static final int OFF_MODE = 24;
    private static final int OFF_RDEV = 40;
    private static final int OFF_DEV = 0;
    private static final int OFF_INO = 8;
    private static final int S_IFMT = 0170000, S_IFBLK = 0060000, S_IFCHR = 0020000;
    private static final int AF_NETLINK = 16, SOCK_RAW = 3, SOCK_CLOEXEC = 02000000, NETLINK_SOCK_DIAG = 4;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int O_RDONLY_CLOEXEC = 02000000;
    private static final int PATH_MAX = 4096;

    private final byte[] procPath = new byte[64];
    private final byte[] name = new byte[PATH_MAX + 1];
    private final byte[] stat = new byte[FileStatus.SIZE];
    private final byte[] otherStat = new byte[FileStatus.SIZE];
    private final byte[] fdinfo = new byte[4096];
    private final byte[] datagram = new byte[8192];

    @Override
    public int link(int tid, int fd, byte[] dst) {
        if (fd < 0) return NONE;
        fdPath(tid, FD, fd);
        long n = DescriptorLibC.readlink(procPath, dst, dst.length);
        return n < 0 ? NONE : (int) n;
    }

    @Override
    public int cwd(int tid, byte[] dst) {
        int at = procDirectory(tid);
        at = put(CWD, at);
        procPath[at] = 0;
        long n = DescriptorLibC.readlink(procPath, dst, dst.length);
        return n < 0 || n >= dst.length ? NONE : (int) n;
    }

    @Override
    public boolean unlinked(int tid, int fd, byte[] path, int length) {
        fdPath(tid, FD, fd);
        if (DescriptorLibC.stat(procPath, stat) != 0) return false;
        if (length >= name.length) return false;
        System.arraycopy(path, 0, name, 0, length);
        name[length] = 0;
        // a name that really ends in " (deleted)" is the same file as the descriptor's
        return DescriptorLibC.lstat(name, otherStat) != 0
                || !sameLong(stat, otherStat, OFF_INO) || !sameLong(stat, otherStat, OFF_DEV);
    }

    @Override
    public long device(byte[] path, int length) {
        if (length <= 0 || path[0] != '/' || length >= name.length) return NONE;
        System.arraycopy(path, 0, name, 0, length);
        name[length] = 0;
        if (DescriptorLibC.stat(name, stat) != 0) return NONE;
        int type = dev.renacer.syscall.LittleEndian.i32(stat, OFF_MODE) & S_IFMT;
        if (type != S_IFBLK && type != S_IFCHR) return NONE;
        long rdev = dev.renacer.syscall.LittleEndian.i64(stat, OFF_RDEV);
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return (long) (type == S_IFBLK ? 'b' : 'c') << 48 | (major & 0xffffff) << 24 | (minor & 0xffffff);
    }

    @Override
    public int socketProtocol(int tid, int fd, byte[] dst) {
        if (fd < 0) return NONE;
        fdPath(tid, FD, fd);
        long n = DescriptorLibC.getxattr(procPath, SOCKPROTONAME, dst, dst.length - 1L);
        if (n <= 0) return NONE;
        int length = (int) n;
        while (length > 0 && dst[length - 1] == 0) length--; // the kernel may count the NUL
        return length;
    }

    @Override
    public int pidfdPid(int tid, int fd) {
        fdPath(tid, FDINFO, fd);
        int file = DescriptorLibC.open(procPath, O_RDONLY_CLOEXEC);
        if (file < 0) return NONE;
        // a leading '\n' so that a first line matches the pattern too
        int length = 1;
        fdinfo[0] = '\n';
        try {
            while (length < fdinfo.length) {
                long n = DescriptorLibC.read(file, datagram, Math.min(datagram.length, fdinfo.length - length));
                if (n <= 0) break;
                System.arraycopy(datagram, 0, fdinfo, length, (int) n);
                length += (int) n;
            }
        } finally {
            DescriptorLibC.close(file);
        }
        int at = indexOf(fdinfo, length, PID_LINE);
        if (at < 0) return NONE;
        long pid = 0;
        int digits = 0;
        for (int i = at + PID_LINE.length; i < length && fdinfo[i] >= '0' && fdinfo[i] <= '9' && digits < 10; i++, digits++) {
            pid = pid * 10 + (fdinfo[i] - '0');
        }
        return digits == 0 || pid > Integer.MAX_VALUE ? NONE : (int) pid;
    }

    @Override
    public boolean socketDiagnostics(byte[] request, int length, DiagnosticsReader reader) {
        int socket = DescriptorLibC.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        if (socket < 0) return false;
        try {
            if (DescriptorLibC.send(socket, request, length, 0) < 0) return false;
            int flags = 0;
            while (true) {
                long n = DescriptorLibC.recv(socket, datagram, datagram.length, flags);
                if (n <= 0) return true;
                if (reader.read(datagram, (int) n)) return true;
                flags = MSG_DONTWAIT;
            }
        } finally {
            DescriptorLibC.close(socket);
        }
    }

    private void fdPath(int tid, byte[] directory, int fd) {
        int at = procDirectory(tid);
        at = put(directory, at);
        at = putNumber(fd, at);
        procPath[at] = 0;
    }

    private int procDirectory(int tid) {
        int at = put(PROC, 0);
        return putNumber(tid, at);
    }

    private int put(byte[] bytes, int at) {
        System.arraycopy(bytes, 0, procPath, at, bytes.length);
        return at + bytes.length;
    }

    private int putNumber(int value, int at) {
        long v = value & 0xffffffffL;
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) digits++;
        for (int i = at + digits - 1; i >= at; i--) {
            procPath[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }

    private static boolean sameLong(byte[] a, byte[] b, int offset) {
        for (int i = offset; i < offset + 8; i++) if (a[i] != b[i]) return false;
        return true;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
