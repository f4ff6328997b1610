package dev.renacer.syscall;

/**
 * The i386 syscall table, for the calls a 64-bit process makes through the 32-bit ABI ({@code int
 * $0x80}): PTRACE_GET_SYSCALL_INFO then reports AUDIT_ARCH_I386 and an i386 number, which the x86_64
 * table would misname (20 is getpid here, writev there). Read once from {@code i386.syscalls}.
 *
 * <p>strace decodes these calls with its i386 decoders; renacer has x86_64 ones only, whose struct
 * layouts would be wrong here, so it names the call and prints each argument in hex, as strace prints
 * the arguments of a call it has no decoder for ({@code getpid()}, {@code brk(0)} where strace says
 * {@code brk(NULL)}). Lookups never allocate for numbers below 1024.
 */
public final class I386Syscalls {
    private static final int PRECOMPUTED = 1024;
    private static final String[] NAMES = new String[PRECOMPUTED];
    private static final int[] ARGUMENT_COUNTS = new int[PRECOMPUTED];
    private static final boolean[] HEX_RESULTS = new boolean[PRECOMPUTED];
    private static final boolean[] KNOWN = new boolean[PRECOMPUTED];
    /** The x86_64 number of the call of the same name, or -1: the -e trace= filter is compiled over those. */
    private static final int[] X86_64_NUMBERS = new int[PRECOMPUTED];

    static {
        for (int i = 0; i < PRECOMPUTED; i++) {
            NAMES[i] = "syscall_0x" + Integer.toHexString(i);
            ARGUMENT_COUNTS[i] = 6;
            X86_64_NUMBERS[i] = -1;
        }
        for (String[] row : TableLines.read("i386.syscalls")) {
            int number = Integer.parseInt(row[0]);
            if (KNOWN[number]) throw new IllegalStateException("i386 syscall " + number + " listed twice");
            KNOWN[number] = true;
            NAMES[number] = row[1];
            ARGUMENT_COUNTS[number] = Integer.parseInt(row[2]);
            HEX_RESULTS[number] = row.length > 3 && row[3].equals("->hex");
            X86_64_NUMBERS[number] = SyscallTable.number(row[1]);
        }
    }

    private I386Syscalls() {}

    private static boolean inTable(int number) {
        return number >= 0 && number < PRECOMPUTED;
    }

    /** The i386 name, or {@code syscall_0x1c2} for a number the table does not know. */
    public static String name(int number) {
        return inTable(number) ? NAMES[number] : "syscall_0x" + Integer.toHexString(number);
    }

    /** The number of the x86_64 syscall with the same name (i386 getpid 20: x86_64 getpid 39), or -1. */
    public static int x86_64Number(int number) {
        return inTable(number) ? X86_64_NUMBERS[number] : -1;
    }

    /** The arguments as strace prints those of a call it does not decode: each 32-bit register in hex. */
    public static void appendArguments(int number, long[] args, StringBuilder out) {
        int count = inTable(number) ? ARGUMENT_COUNTS[number] : 6;
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(", ");
            Num.appendHexOrZero(args[i] & 0xffff_ffffL, out);
        }
    }

    /** A successful result: in hex for the calls strace prints so (brk, mmap, mmap2, mremap, shmat), else decimal. */
    public static void appendResult(int number, long returnValue, StringBuilder out) {
        if (inTable(number) && HEX_RESULTS[number]) Num.appendHexOrZero(returnValue, out);
        else out.append(returnValue);
    }
}
