package dev.renacer.syscall.decode;

import dev.renacer.syscall.FileDescriptors;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * strace's printfd: a descriptor as a number and, under -y / -yy / -e decode-fds=, what it refers to
 * ({@code 3</etc/passwd>}, {@code 4<TCP:[127.0.0.1:45678->127.0.0.1:80]>}, {@code 0</dev/pts/0<char 136:0>>},
 * {@code 5<pid:1234>}), read from /proc while the tracee is stopped. Allocates nothing once its
 * socket cache slots exist.
 */
final class FdPrinter {
    private static final int PATH_MAX = 4096;
    private static final byte[] DELETED = " (deleted)".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SOCKET_PREFIX = "socket:[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PIDFD = "anon_inode:[pidfd]".getBytes(StandardCharsets.US_ASCII);

    private final FileDescriptors fds;
    private final Quoter quoter;
    private final boolean path, socket, dev, pidfd;
    private final SocketDetails sockets;
    private final byte[] link = new byte[PATH_MAX];

    FdPrinter(FileDescriptors fds, Set<FdDetail> details, Quoter quoter) {
        this.fds = fds;
        this.quoter = quoter;
        boolean any = fds != null && !details.isEmpty();
        this.path = any && details.contains(FdDetail.PATH);
        this.socket = any && details.contains(FdDetail.SOCKET);
        this.dev = any && details.contains(FdDetail.DEV);
        this.pidfd = any && details.contains(FdDetail.PIDFD);
        this.sockets = socket ? new SocketDetails(fds, quoter) : null;
    }

    /** True when descriptors are printed with details (a decoder may then skip a fast path that prints the number alone). */
    boolean decorates() {
        return path || socket || dev || pidfd;
    }

    /** {@code fd} of task {@code tid}, with what -y and -yy print after it. */
    void append(int tid, int fd, StringBuilder out) {
        out.append(fd);
        if (!decorates() || fd < 0) return;
        int n = fds.link(tid, fd, link);
        if (n < 0) return;
        boolean deleted = false;
        if (n > DELETED.length && endsWith(link, n, DELETED) && fds.unlinked(tid, fd, link, n)) {
            n -= DELETED.length;
            deleted = true;
        }
        if (socket && appendSocket(tid, fd, n, out)) return;
        if (dev && appendDevice(n, out)) return;
        if (pidfd && appendPidfd(tid, fd, n, out)) return;
        if (path) {
            out.append('<');
            quoter.angled(link, 0, n, out);
            out.append('>');
            if (deleted) out.append("(deleted)");
        }
    }

    /** After AT_FDCWD, the working directory of {@code tid} under -y: {@code </home/me>} (strace's print_dirfd). */
    void appendWorkingDirectory(int tid, StringBuilder out) {
        if (!path) return;
        int n = fds.cwd(tid, link);
        if (n < 0) return;
        out.append('<');
        quoter.angled(link, 0, n, out);
        out.append('>');
    }

    private boolean appendSocket(int tid, int fd, int n, StringBuilder out) {
        long inode = socketInode(n);
        if (inode <= 0) return false;
        out.append('<');
        if (!sockets.append(tid, fd, inode, out)) appendAscii(link, n, out); // strace prints the link unquoted
        out.append('>');
        return true;
    }

    /** The inode of a link {@code socket:[1234]}, or 0. */
    private long socketInode(int n) {
        if (n <= SOCKET_PREFIX.length + 1 || !startsWith(link, n, SOCKET_PREFIX) || link[n - 1] != ']') return 0;
        long inode = 0;
        for (int i = SOCKET_PREFIX.length; i < n - 1; i++) {
            if (link[i] < '0' || link[i] > '9' || inode > Long.MAX_VALUE / 10) return 0;
            inode = inode * 10 + (link[i] - '0');
        }
        return inode;
    }

    private boolean appendDevice(int n, StringBuilder out) {
        long device = fds.device(link, n);
        if (device == FileDescriptors.NONE) return false;
        out.append('<');
        quoter.angled(link, 0, n, out);
        out.append('<').append((device >>> 48) == 'b' ? "block " : "char ")
                .append((device >>> 24) & 0xffffff).append(':').append(device & 0xffffff).append(">>");
        return true;
    }

    private boolean appendPidfd(int tid, int fd, int n, StringBuilder out) {
        if (n != PIDFD.length || !startsWith(link, n, PIDFD)) return false;
        int pid = fds.pidfdPid(tid, fd);
        out.append('<');
        if (pid > 0) out.append("pid:").append(pid);
        else appendAscii(link, n, out);
        out.append('>');
        return true;
    }

    private static void appendAscii(byte[] bytes, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) out.append((char) (bytes[i] & 0xff));
    }

    private static boolean startsWith(byte[] bytes, int n, byte[] prefix) {
        if (n < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }

    private static boolean endsWith(byte[] bytes, int n, byte[] suffix) {
        for (int i = 0; i < suffix.length; i++) if (bytes[n - suffix.length + i] != suffix[i]) return false;
        return true;
    }
}
