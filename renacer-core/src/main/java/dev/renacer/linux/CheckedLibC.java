package dev.renacer.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * libc calls made once per process or per run (spawn, seize, attach), where the errno is what the user
 * must be told: JNA's direct mapping, as {@link LibC}, with {@link LastErrorException} for the errno. Not an
 * interface mapping: its dynamic proxy class, generated at every start, cost 12 ms of the warm-up
 * thread's CPU under the profiler (the first proxy of a start: Proxy's and ASM's own start with it; README, Start-up).
 * Direct mapping takes no arrays of pointers, so argv and envp are native arrays the caller fills
 * (NULL-terminated).
 */
public final class CheckedLibC {
    static {
        Native.register(CheckedLibC.class, NativeLibrary.getInstance(LibC.LIBRARY));
    }

    private CheckedLibC() {}

    public static native long ptrace(long request, int pid, long addr, long data) throws LastErrorException;

    public static native int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

    /**
     * posix_spawn with the path as raw bytes (NUL-terminated) and argv a NULL-terminated array of C strings, as the
     * user gave them. Returns 0 or an error number (posix_spawn does not set errno).
     */
    public static native int posix_spawn(IntByReference pid, byte[] path, Pointer fileActions, Pointer attributes,
                    Pointer argv, Pointer envp);

    /** strerror(3): the message strace prints for an errno. */
    public static native String strerror(int errno);

    /** memfd_create(2): an anonymous file; see {@link Trampoline}. */
    public static native int memfd_create(String name, int flags) throws LastErrorException;

    public static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

    /** fcntl(2) with an int argument (F_ADD_SEALS, F_GETFD, ...). */
    public static native int fcntl(int fd, int command, int argument) throws LastErrorException;

    public static native int close(int fd) throws LastErrorException;

    /** pipe2(2): {@code fds[0]} the read end, {@code fds[1]} the write end. */
    public static native int pipe2(int[] fds, int flags) throws LastErrorException;

    public static native long read(int fd, byte[] buffer, long count) throws LastErrorException;

    /** stat(2) into {@code buffer} ({@link FileStatus#SIZE} bytes); path NUL-terminated raw bytes. */
    public static native int stat(byte[] path, Pointer buffer) throws LastErrorException;

    /** execve(2) with NULL-terminated arrays; returns only on failure. */
    public static native int execve(byte[] path, Pointer argv, Pointer envp) throws LastErrorException;

    /** prctl(2) with the five arguments it takes. */
    public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    /** getpwnam(3): the password database's entry for a user name, or null (struct passwd: name, passwd, uid at 16, gid at 20). */
    public static native Pointer getpwnam(String name);

    public static native int getuid();

    public static native int geteuid();

    /** access(2): 0 when allowed. */
    public static native int access(byte[] path, int mode) throws LastErrorException;
}
