package dev.renacer.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The libc calls made on every ptrace stop, bound with JNA direct mapping (a JNI call each, no
 * reflection, no allocation). They report failure by their return value only; the calls whose errno
 * matters are in {@link CheckedLibC}.
 */
public final class LibC {
    /**
     * glibc by its soname, which dlopen finds in the system's ld.so.cache. JNA's short name "c" maps to
     * "libc.so", which is a linker script (or absent) on Debian, so JNA then runs {@code ldconfig -p} in a
     * child process to search for it: 20-40 ms of every start (measured with strace -f -e trace=execve).
     */
    public static final String LIBRARY = "libc.so.6";

    static {
        // The class named, not found by Native.register(NativeLibrary): JNA would find its caller with a
        // SecurityManager's class context, by reflection whose first call parses annotations (7.5 ms of CPU
        // under the profiler).
        Native.register(LibC.class, NativeLibrary.getInstance(LIBRARY));
    }

    private LibC() {}

    /** glibc's ptrace(2); variadic in C, called here with all four arguments. */
    public static native long ptrace(long request, int pid, long addr, long data);

    /** Throws only on failure (EINTR, ECHILD), so the exception costs nothing on the steady path. */
    public static native int waitpid(int pid, Pointer status, int options) throws LastErrorException;

    /** waitpid with the waited task's rusage (strace reads its stime for -c); throws as {@link #waitpid} does. */
    public static native int wait4(int pid, Pointer status, int options, Pointer rusage) throws LastErrorException;

    public static native long process_vm_readv(int pid, Pointer localIov, long localCount,
                                               Pointer remoteIov, long remoteCount, long flags);

    public static native int kill(int pid, int signal);
}
