package dev.renacer.filter;

import dev.renacer.syscall.SyscallClass;

/**
 * The spellings strace 6.1 accepts for its classes. Every class has a {@code %} form; only the classes
 * that predate the {@code %} syntax also have a bare one ({@code file}, but not {@code creds} or {@code net}).
 * Case matters, as in strace.
 */
final class ClassNames {
    private ClassNames() {}

    private static final String[] SPELLINGS = {
        "%desc", "%file", "%memory", "%process", "%signal", "%ipc", "%net", "%network",
        "%stat", "%lstat", "%fstat", "%%stat", "%statfs", "%fstatfs", "%%statfs", "%pure", "%creds", "%clock",
        "desc", "file", "memory", "process", "signal", "ipc", "network",
    };
    private static final SyscallClass[] CLASSES = {
        SyscallClass.DESC, SyscallClass.FILE, SyscallClass.MEMORY, SyscallClass.PROCESS, SyscallClass.SIGNAL,
        SyscallClass.IPC, SyscallClass.NETWORK, SyscallClass.NETWORK,
        SyscallClass.STAT, SyscallClass.LSTAT, SyscallClass.FSTAT, SyscallClass.STAT_LIKE, SyscallClass.STATFS,
        SyscallClass.FSTATFS, SyscallClass.STATFS_LIKE, SyscallClass.PURE, SyscallClass.CREDS, SyscallClass.CLOCK,
        SyscallClass.DESC, SyscallClass.FILE, SyscallClass.MEMORY, SyscallClass.PROCESS, SyscallClass.SIGNAL,
        SyscallClass.IPC, SyscallClass.NETWORK,
    };

    /** The class a token names, or null. */
    static SyscallClass lookup(String token) {
        for (int i = 0; i < SPELLINGS.length; i++) if (SPELLINGS[i].equals(token)) return CLASSES[i];
        return null;
    }
}
