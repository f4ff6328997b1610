package dev.renacer.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * libc calls made once per process or per run (spawn, seize, attach), where the errno is what the user
 * must be told. Interface mapping is slower than {@link LibC} but these are not on the per-syscall path.
 */
public interface CheckedLibC extends Library {
    CheckedLibC INSTANCE = Native.load(LibC.LIBRARY, CheckedLibC.class);

    long ptrace(long request, int pid, long addr, long data) throws LastErrorException;

    /** Returns 0 or an error number (posix_spawn does not set errno). argv is passed NULL-terminated. */
    int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attributes,
                    String[] argv, Pointer envp);

    int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

    /** posix_spawn with argv and the path as raw bytes (NUL-terminated arrays), as the user gave them. */
    int posix_spawn(IntByReference pid, byte[] path, Pointer fileActions, Pointer attributes,
                    Pointer[] argv, Pointer envp);

    /** strerror(3): the message strace prints for an errno. */
    String strerror(int errno);

    /** memfd_create(2): an anonymous file; see {@link Trampoline}. */
    int memfd_create(String name, int flags) throws LastErrorException;

    long write(int fd, byte[] buffer, long count) throws LastErrorException;

    /** fcntl(2) with an int argument (F_ADD_SEALS, F_GETFD, ...). */
    int fcntl(int fd, int command, int argument) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** pipe2(2): {@code fds[0]} the read end, {@code fds[1]} the write end. */
    int pipe2(int[] fds, int flags) throws LastErrorException;

    long read(int fd, byte[] buffer, long count) throws LastErrorException;

    /** stat(2) into {@code buffer} ({@link FileStatus#SIZE} bytes); path NUL-terminated raw bytes. */
    int stat(byte[] path, Pointer buffer) throws LastErrorException;

    /** execve(2) with NULL-terminated arrays; returns only on failure. */
    int execve(byte[] path, Pointer[] argv, Pointer envp) throws LastErrorException;

    /** prctl(2) with the five arguments it takes. */
    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    /** getpwnam(3): the password database's entry for a user name, or null (struct passwd: name, passwd, uid at 16, gid at 20). */
    Pointer getpwnam(String name);

    int getuid();

    int geteuid();

    /** access(2): 0 when allowed. */
    int access(byte[] path, int mode) throws LastErrorException;
}
