package dev.renacer.syscall;

/**
 * STUB to be replaced by the syscall-table work: the x86_64 syscall table as data.
 * The public API below is the contract the rest of renacer codes against.
 */
public final class SyscallTable {
    private SyscallTable() {}

    /** One past the highest syscall number the table knows. */
    public static int size() { return 512; }

    /** The name, or {@code syscall_0x1c2} for an unknown number. Never allocates for 0..1023. */
    public static String name(int number) { return "syscall_0x" + Integer.toHexString(number); }

    /** The number of a syscall name, or -1 if x86_64 has no such syscall. */
    public static int number(String name) { return -1; }

    /** Bitmask of {@link SyscallClass} ordinals the syscall belongs to (strace's classes). */
    public static int classes(int number) { return 0; }
}
