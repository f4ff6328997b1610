package dev.renacer.filter;

import dev.renacer.syscall.SyscallTable;

import java.io.ByteArrayOutputStream;

/**
 * The seccomp-bpf program for a -e trace= selection, as strace's --seccomp-bpf builds it
 * (filter_seccomp.c): SECCOMP_RET_TRACE for the selected x86_64 calls and for execve and execveat
 * (strace's TRACE_SECCOMP_DEFAULT), SECCOMP_RET_ALLOW for the other x86_64 calls, and TRACE for
 * everything the table cannot vouch for: another arch (the i386 ABI, whose calls renacer selects
 * by their x86_64 name at the stop), the x32 numbers, and numbers beyond the table. The tracer
 * still applies the filter at every stop, so the program only has to trace a superset of it.
 *
 * <p>Each selected run of numbers is tested where it stands and returns TRACE right after its
 * test, so every jump is short (BPF jumps are 8-bit) whatever the selection.
 */
public final class SeccompProgram {
    private SeccompProgram() {}

    // classic BPF opcodes (linux/filter.h) and seccomp's data layout and actions (linux/seccomp.h)
    private static final int LD_W_ABS = 0x20, JEQ_K = 0x15, JGE_K = 0x35, RET_K = 0x06;
    private static final int DATA_NR = 0, DATA_ARCH = 4;
    private static final int RET_TRACE = 0x7ff00000, RET_ALLOW = 0x7fff0000;
    private static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    private static final int X32_SYSCALL_BIT = 0x40000000;
    /** BPF_MAXINSNS: the longest program the kernel takes. */
    static final int MAX_INSTRUCTIONS = 4096;

    private static final int NR_EXECVE = SyscallTable.number("execve");
    private static final int NR_EXECVEAT = SyscallTable.number("execveat");

    /**
     * The program as the trampoline's -s takes it (struct sock_filter[] in hex), or null when there
     * is nothing to filter out: every call is traced anyway.
     */
    public static String hex(TraceFilter filter) {
        byte[] program = compile(filter);
        if (program == null) return null;
        StringBuilder hex = new StringBuilder(program.length * 2);
        for (byte b : program) hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        return hex.toString();
    }

    /** Whether the stop at a call with this x86_64 number is asked for by the program. */
    static boolean stopsAt(TraceFilter filter, int number) {
        return number < 0 || number >= SyscallTable.size() || filter.traces(number) || number == NR_EXECVE || number == NR_EXECVEAT;
    }

    /** The program's instructions (8 bytes each, little-endian), or null when it would trace every call. */
    static byte[] compile(TraceFilter filter) {
        int size = SyscallTable.size();
        boolean any = false;
        for (int n = 0; n < size && !any; n++) any = !stopsAt(filter, n);
        if (!any) return null;
        Program p = new Program();
        p.op(LD_W_ABS, 0, 0, DATA_ARCH);
        p.op(JEQ_K, 1, 0, AUDIT_ARCH_X86_64);
        p.op(RET_K, 0, 0, RET_TRACE);
        p.op(LD_W_ABS, 0, 0, DATA_NR);
        p.op(JGE_K, 0, 1, X32_SYSCALL_BIT);
        p.op(RET_K, 0, 0, RET_TRACE);
        for (int lower = 0; lower < size; lower++) {
            if (!stopsAt(filter, lower)) continue;
            int upper = lower + 1;
            while (upper < size && stopsAt(filter, upper)) upper++;
            if (upper == lower + 1) {
                p.op(JEQ_K, 0, 1, lower);
            } else {
                p.op(JGE_K, 0, 2, lower);
                p.op(JGE_K, 1, 0, upper);
            }
            p.op(RET_K, 0, 0, RET_TRACE);
            lower = upper;
        }
        p.op(JGE_K, 0, 1, size);
        p.op(RET_K, 0, 0, RET_TRACE);
        p.op(RET_K, 0, 0, RET_ALLOW);
        if (p.length > MAX_INSTRUCTIONS) return null; // cannot happen with ~460 numbers; traced the slow way if it did
        return p.bytes.toByteArray();
    }

    private static final class Program {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int length;

        void op(int code, int jumpTrue, int jumpFalse, int k) {
            bytes.write(code);
            bytes.write(code >>> 8);
            bytes.write(jumpTrue);
            bytes.write(jumpFalse);
            for (int shift = 0; shift < 32; shift += 8) bytes.write(k >>> shift);
            length++;
        }
    }
}
