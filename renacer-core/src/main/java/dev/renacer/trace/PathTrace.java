package dev.renacer.trace;

import dev.renacer.syscall.FileDescriptors;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.SyscallClass;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.syscall.TraceeMemory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * -P PATH: only the calls that touch one of the paths are traced, as strace 6.1 decides it
 * (pathtrace.c): a file name argument equal to the path, or a descriptor argument whose /proc link
 * names it. Which arguments a call has of each is strace's table, kept here as data: calls it lists,
 * else argument 0 as a path for the file class and as a descriptor for the desc and network classes.
 * Reads the tracee into reused buffers: allocates nothing per call.
 */
final class PathTrace {
    private static final int PATH_MAX = 4096;
    private static final int MAX_SELECT_FDS = 1024 * 1024;
    private static final int POLLFD_SIZE = 8;
    private static final byte[] DELETED = " (deleted)".getBytes(StandardCharsets.US_ASCII);

    /** How a call names files: descriptor and path argument indexes, or a structure strace walks. */
    private record Arguments(int[] fds, int[] paths, Walk walk) {}

    private enum Walk { NONE, FD_SETS, POLLFDS, FSCONFIG }

    private static final Arguments NOTHING = new Arguments(new int[0], new int[0], Walk.NONE);
    private static final Arguments FD0 = new Arguments(new int[] {0}, new int[0], Walk.NONE);
    private static final Arguments PATH0 = new Arguments(new int[0], new int[] {0}, Walk.NONE);

    /** strace's pathtrace_match_set switch, by syscall name. */
    private static final Object[][] TABLE = {
        {new Arguments(new int[] {0, 1}, new int[0], Walk.NONE), "dup2", "dup3", "kexec_file_load", "sendfile", "tee"},
        {new Arguments(new int[] {0}, new int[] {1}, Walk.NONE), "execveat", "faccessat", "faccessat2", "fchmodat",
            "fchownat", "fspick", "futimesat", "inotify_add_watch", "mkdirat", "mknodat", "mount_setattr",
            "name_to_handle_at", "newfstatat", "open_tree", "openat", "openat2", "readlinkat", "statx", "unlinkat",
            "utimensat"},
        {new Arguments(new int[0], new int[] {0, 1}, Walk.NONE), "link", "mount", "pivot_root"},
        {new Arguments(new int[0], new int[] {1}, Walk.NONE), "quotactl", "symlink"},
        {new Arguments(new int[] {0, 2}, new int[] {1, 3}, Walk.NONE), "linkat", "move_mount", "renameat2", "renameat"},
        {new Arguments(new int[] {4}, new int[0], Walk.NONE), "mmap"},
        {new Arguments(new int[] {1}, new int[] {2}, Walk.NONE), "symlinkat"},
        {new Arguments(new int[] {0, 2}, new int[0], Walk.NONE), "copy_file_range", "splice"},
        {new Arguments(new int[] {2}, new int[0], Walk.NONE), "epoll_ctl"},
        // the 64-bit mask takes one register on x86_64: the descriptor is argument 3, the path 4
        {new Arguments(new int[] {3}, new int[] {4}, Walk.NONE), "fanotify_mark"},
        {new Arguments(new int[0], new int[0], Walk.FD_SETS), "select", "pselect6"},
        {new Arguments(new int[0], new int[0], Walk.POLLFDS), "poll", "ppoll"},
        {new Arguments(new int[0], new int[0], Walk.FSCONFIG), "fsconfig"},
        // in the classes, but without a descriptor or a path to look at
        {NOTHING, "accept4", "accept", "bpf", "epoll_create", "epoll_create1", "eventfd2", "eventfd", "fanotify_init",
            "fsmount", "fsopen", "inotify_init", "inotify_init1", "io_uring_enter", "io_uring_register",
            "io_uring_setup", "landlock_add_rule", "landlock_create_ruleset", "landlock_restrict_self", "memfd_create",
            "memfd_secret", "mq_getsetattr", "mq_notify", "mq_open", "mq_timedreceive", "mq_timedsend",
            "perf_event_open", "pidfd_open", "pipe", "pipe2", "signalfd4", "signalfd", "socket", "socketpair",
            "timerfd_create", "timerfd_gettime", "timerfd_settime", "userfaultfd"},
    };

    private final byte[][] paths;
    private final Arguments[] byNumber = new Arguments[SyscallTable.size()];
    private final TraceeMemory memory;
    private final FileDescriptors fds;
    private final byte[] name = new byte[PATH_MAX + 1];
    private final byte[] chunk = new byte[PATH_MAX];

    /** @param paths the selected paths, each as given and, when it differs, resolved (as strace adds both) */
    PathTrace(List<byte[]> paths, TraceeMemory memory, FileDescriptors fds) {
        this.paths = paths.toArray(new byte[0][]);
        this.memory = memory;
        this.fds = fds;
        for (int n = 0; n < byNumber.length; n++) byNumber[n] = defaultArguments(n);
        for (Object[] row : TABLE) {
            for (int i = 1; i < row.length; i++) {
                int n = SyscallTable.number((String) row[i]);
                if (n >= 0) byNumber[n] = (Arguments) row[0];
            }
        }
    }

    private static Arguments defaultArguments(int n) {
        if (!SyscallTable.known(n)) return NOTHING;
        if (SyscallTable.inClass(n, SyscallClass.FILE)) return PATH0;
        if (SyscallTable.inClass(n, SyscallClass.DESC) || SyscallTable.inClass(n, SyscallClass.NETWORK)) return FD0;
        return NOTHING;
    }

    /** True when the call, at its entry stop, touches a selected path. */
    boolean matches(int tid, int number, long[] args) {
        if (number < 0 || number >= byNumber.length) return false;
        Arguments a = byNumber[number];
        for (int i : a.fds) if (fdMatches(tid, (int) args[i])) return true;
        for (int i : a.paths) if (pathMatches(tid, args[i])) return true;
        return switch (a.walk) {
            case NONE -> false;
            case FD_SETS -> fdSetsMatch(tid, args);
            case POLLFDS -> pollfdsMatch(tid, args);
            case FSCONFIG -> fsconfigMatches(tid, args);
        };
    }

    private boolean fdMatches(int tid, int fd) {
        int n = fds.link(tid, fd, name);
        if (n < 0) return false;
        // a file since unlinked: its link ends in " (deleted)", which strace strips before comparing
        if (n > DELETED.length && endsWithDeleted(n) && fds.unlinked(tid, fd, name, n)) n -= DELETED.length;
        return selected(name, n);
    }

    /** A NUL-terminated file name in the tracee, read as strace's umovestr does (PATH_MAX at most), against the set. */
    private boolean pathMatches(int tid, long address) {
        if (address == 0) return false;
        int got = 0;
        int step = 256; // most names are short: read a little first, the rest only when no NUL came
        while (got < PATH_MAX) {
            int want = Math.min(step, PATH_MAX - got);
            int n = memory.read(tid, address + got, name, got, want);
            if (n <= 0) return false;
            for (int i = got; i < got + n; i++) if (name[i] == 0) return selected(name, i);
            got += n;
            if (n < want) return false;
            step = PATH_MAX;
        }
        return false; // no NUL within PATH_MAX: no selected path is that long
    }

    private boolean fdSetsMatch(int tid, long[] args) {
        int nfds = (int) args[0];
        if (nfds <= 0) return false;
        nfds = Math.min(nfds, MAX_SELECT_FDS);
        int size = (((nfds + 7) / 8) + 7) & ~7;
        for (int set = 1; set <= 3; set++) {
            if (args[set] == 0) continue;
            for (int offset = 0; offset < size; offset += chunk.length) {
                int n = Math.min(chunk.length, size - offset);
                if (memory.read(tid, args[set] + offset, chunk, 0, n) != n) break;
                for (int b = 0; b < n * 8 && offset * 8 + b < nfds; b++) {
                    // fdMatches reads into name, not into the set being walked in chunk
                    if ((chunk[b >> 3] & (1 << (b & 7))) != 0 && fdMatches(tid, offset * 8 + b)) return true;
                }
            }
        }
        return false;
    }

    private boolean pollfdsMatch(int tid, long[] args) {
        long count = Math.min(args[1] & 0xffffffffL, MAX_SELECT_FDS);
        for (long i = 0; i < count; i++) {
            if (memory.read(tid, args[0] + i * POLLFD_SIZE, chunk, 0, 4) != 4) return false;
            if (fdMatches(tid, LittleEndian.i32(chunk, 0))) return true;
        }
        return false;
    }

    /** fsconfig(fd, cmd, key, value, aux): FSCONFIG_SET_PATH(_EMPTY) names a path and a descriptor, FSCONFIG_SET_FD a descriptor. */
    private boolean fsconfigMatches(int tid, long[] args) {
        int cmd = (int) args[1];
        if (cmd == 3 || cmd == 4) return fdMatches(tid, (int) args[4]) || pathMatches(tid, args[3]);
        return cmd == 5 && fdMatches(tid, (int) args[4]);
    }

    private boolean endsWithDeleted(int n) {
        for (int i = 0; i < DELETED.length; i++) if (name[n - DELETED.length + i] != DELETED[i]) return false;
        return true;
    }

    private boolean selected(byte[] candidate, int length) {
        for (byte[] p : paths) {
            if (p.length == length && Arrays.equals(p, 0, length, candidate, 0, length)) return true;
        }
        return false;
    }
}
