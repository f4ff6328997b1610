package dev.renacer.syscall.decode;

/**
 * What -y, -yy and -e decode-fds=SET print after a descriptor (strace 6.1's decode-fds details);
 * -y is {@link #PATH}, -yy all of them.
 */
public enum FdDetail {
    /** {@code 3</etc/passwd>}: the file the descriptor refers to. */
    PATH,
    /** {@code 3<TCP:[127.0.0.1:45678->127.0.0.1:80]>}: a socket's protocol and endpoints. */
    SOCKET,
    /** {@code 3</dev/null<char 1:3>>}: a device's type and numbers. */
    DEV,
    /** {@code 3<pid:1234>}: the process a pidfd refers to. */
    PIDFD
}
