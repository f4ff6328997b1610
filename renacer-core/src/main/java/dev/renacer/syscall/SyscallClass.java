package dev.renacer.syscall;

/** strace's syscall classes, selectable with -e trace=%NAME (or NAME). */
public enum SyscallClass {
    FILE, NETWORK, PROCESS, MEMORY, SIGNAL, IPC, DESC, CREDS, CLOCK, STAT, LSTAT, FSTAT, STAT_LIKE,
    STATFS, FSTATFS, STATFS_LIKE, PURE;

    public int bit() { return 1 << ordinal(); }
}
