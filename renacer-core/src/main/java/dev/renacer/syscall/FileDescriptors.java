package dev.renacer.syscall;

/**
 * What the system says about a stopped tracee's descriptors, for {@code -y} and {@code -yy}: the
 * /proc links, the file behind them, the protocol of a socket and the kernel's socket diagnostics.
 * Implemented by the tracer on /proc and netlink; decoders use it to print {@code 3</etc/passwd>}.
 * Implementations reuse their buffers and never allocate.
 */
public interface FileDescriptors {
    /** Stands for "no such descriptor, or not readable" in the answers below. */
    int NONE = -1;

    /** The target of /proc/TID/fd/FD into {@code dst}: its length (at most {@code dst.length}), or {@link #NONE}. */
    int link(int tid, int fd, byte[] dst);

    /** The target of /proc/TID/cwd into {@code dst}: its length, or {@link #NONE}. */
    int cwd(int tid, byte[] dst);

    /**
     * True when the link of FD ends in the kernel's " (deleted)" because its file was unlinked (and not
     * because the file's name ends that way): strace then prints the name without it, then {@code (deleted)}.
     */
    boolean unlinked(int tid, int fd, byte[] path, int length);

    /**
     * The device a path names: {@code ('b' or 'c') << 48 | major << 24 | minor} for a block or character
     * device, {@link #NONE} for anything else.
     */
    long device(byte[] path, int length);

    /** The kernel's name of a socket's protocol ("TCP", "UNIX-STREAM", the xattr system.sockprotoname): its length, or {@link #NONE}. */
    int socketProtocol(int tid, int fd, byte[] dst);

    /** The pid a pidfd refers to (its fdinfo's "Pid:" line), or {@link #NONE}. */
    int pidfdPid(int tid, int fd);

    /**
     * Sends one sock_diag request (NETLINK_SOCK_DIAG, strace's own network namespace, as strace asks) and
     * hands each datagram of the answer to {@code reader} until it says it is done or the answer ends.
     *
     * @return false when the query could not be made
     */
    boolean socketDiagnostics(byte[] request, int length, DiagnosticsReader reader);

    /** Reads the datagrams of a sock_diag answer. */
    interface DiagnosticsReader {
        /** @return true when the answer has been found (or cannot be), so no more datagrams are read */
        boolean read(byte[] datagram, int length);
    }
}
