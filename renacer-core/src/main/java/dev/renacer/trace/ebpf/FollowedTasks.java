package dev.renacer.trace.ebpf;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.KernelIo;
import dev.renacer.linux.Libbpf;
import dev.renacer.trace.TraceException;

/**
 * The followed set as user space adds to it: a task's entry in the task-storage map renacer_tasks,
 * which the kernel keys by a pidfd (-f then adds children in the kernel, at each fork).
 */
final class FollowedTasks {
    private final int mapFd;
    private final Memory key = new Memory(4);
    private final Memory state = new Memory(Records.TASK_STATE_SIZE);

    FollowedTasks(int mapFd) {
        this.mapFd = mapFd;
    }

    /** Follows task {@code tid} from now on, with the task-state {@code flags} (TASK_HIDDEN for the trampoline). */
    void follow(int tid, int flags) throws TraceException {
        int pidfd = (int) KernelIo.syscall(KernelIo.SYS_PIDFD_OPEN, tid, KernelIo.PIDFD_THREAD);
        if (pidfd < 0) throw new TraceException("pidfd_open(" + tid + "): " + CheckedLibC.strerror(Native.getLastError()));
        try {
            key.setInt(0, pidfd);
            state.clear();
            state.setInt(0, flags);
            if (Libbpf.bpf_map_update_elem(mapFd, key, state, 0) < 0) {
                throw new TraceException("cannot follow " + tid + ": " + Errors.name(Native.getLastError()));
            }
        } finally {
            KernelIo.close(pidfd);
        }
    }
}
