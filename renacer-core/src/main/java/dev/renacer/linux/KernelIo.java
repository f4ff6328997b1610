package dev.renacer.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The libc calls of the eBPF backend: mapping the ring buffer, waiting on it with epoll, and naming
 * tasks by pidfd for the task-storage map. Direct mapping; failures are -1 with errno in
 * {@link Native#getLastError()}. Bindings only.
 */
public final class KernelIo {
    public static final int PROT_READ = 1, PROT_WRITE = 2;
    public static final int MAP_SHARED = 1;
    public static final int EPOLL_CLOEXEC = 0x80000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLLIN = 1;
    /** struct epoll_event is packed on x86_64: u32 events, u64 data. */
    public static final int EPOLL_EVENT_SIZE = 12;
    /** pidfd_open(2) flag: a pidfd for a thread rather than a thread-group leader (Linux 6.9). */
    public static final int PIDFD_THREAD = 0x80;
    public static final long SYS_PIDFD_OPEN = 434;
    public static final int EINTR = 4;

    static {
        Native.register(KernelIo.class, NativeLibrary.getInstance("c")); // the class named: see LibC
    }

    private KernelIo() {}

    public static native Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);

    public static native int munmap(Pointer address, long length);

    public static native int epoll_create1(int flags);

    public static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

    public static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

    public static native int close(int fd);

    /** syscall(2), for pidfd_open, which glibc 2.36 wraps but older ones do not. */
    public static native long syscall(long number, long a, long b);

    /** mmap's failure value. */
    public static boolean failed(Pointer mapping) {
        return Pointer.nativeValue(mapping) == -1L;
    }
}
