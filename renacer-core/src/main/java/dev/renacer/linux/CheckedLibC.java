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
    CheckedLibC INSTANCE = Native.load("c", CheckedLibC.class);

    long ptrace(long request, int pid, long addr, long data) throws LastErrorException;

    /** Returns 0 or an error number (posix_spawn does not set errno). argv is passed NULL-terminated. */
    int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attributes,
                    String[] argv, Pointer envp);

    int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

    /** strerror(3): the message strace prints for an errno. */
    String strerror(int errno);
}
