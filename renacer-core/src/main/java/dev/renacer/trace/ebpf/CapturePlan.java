package dev.renacer.trace.ebpf;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.SyscallTable;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the kernel copies from the tracee's memory for each argument kind, so that the decoders (which
 * read through {@link CapturedMemory}) print what they print under ptrace. One rule per {@link ArgKind}:
 * strings up to their NUL, buffers up to -s bytes, structs up to the size their decoder reads (the
 * budgets below), execve's argv with its strings. Kinds without a rule (iovecs, msghdr, structs behind
 * a pointer in a struct) are not captured: their decoder cannot read them and prints the address, as
 * strace does for an unreadable pointer. The rules become one {@code syscall_plan} per syscall number
 * in the {@code renacer_plans} map.
 */
final class CapturePlan {
    // renacer.h CAP_*
    static final int STRING = 1, ARG_LEN = 2, RET_LEN = 3, FIXED = 4, ARGV = 5, STACK = 6, DEREF = 7, IOVEC = 8;
    // renacer.h AT_*
    static final int ENTRY = 1, EXIT = 2, BOTH = ENTRY | EXIT;
    /** strace prints file names up to PATH_MAX whatever -s says; +2: the NUL and one byte to see truncation. */
    static final int PATH_BYTES = 4096 + 2;
    /** The most argv strings the kernel walks (renacer.h ARGV_MAX). */
    static final int ARGV_MAX = 64;
    /** The longest single capture (renacer.h CAPTURE_MAX). */
    static final int CAPTURE_MAX = 8192 - 64;

    /**
     * A capture: {@code kind} at {@code when}; {@code max} bytes at most ({@code -1}: the -s limit);
     * {@code lengthArg} the argument holding the length, relative to this one (+1: the next); {@code shift}
     * scales that length (3: an array of 8-byte elements).
     */
    record Rule(int kind, int when, int max, int lengthArg, int shift) {}

    private static final int S = -1;
    private static final Map<ArgKind, Rule> RULES = new EnumMap<>(ArgKind.class);

    private static void rule(ArgKind kind, int capture, int when, int max) { RULES.put(kind, new Rule(capture, when, max, 0, 0)); }

    private static void sized(ArgKind kind, int when, int max, int lengthArg, int shift) {
        RULES.put(kind, new Rule(ARG_LEN, when, max, lengthArg, shift));
    }

    static {
        // read by the call: copied at entry
        rule(ArgKind.PATH, STRING, ENTRY, PATH_BYTES);
        rule(ArgKind.STR, STRING, ENTRY, S);
        rule(ArgKind.MOUNT_TYPE, STRING, ENTRY, S);
        rule(ArgKind.MOUNT_DATA, STRING, ENTRY, S);
        rule(ArgKind.ARGV, ARGV, ENTRY, S);
        rule(ArgKind.ENVP, FIXED, ENTRY, 4096);              // the pointer array, counted up to its NULL
        sized(ArgKind.INBUF, ENTRY, S, +1, 0);
        sized(ArgKind.SOCKADDR, ENTRY, 128, +1, 0);
        sized(ArgKind.SOCKOPT_VALUE, ENTRY, 64, +1, 0);
        sized(ArgKind.CLONE3_ARGS, BOTH, 128, +1, 0);       // read again at exit for what the kernel wrote back
        RULES.put(ArgKind.CLONE3_TAIL, new Rule(DEREF, EXIT, 4, -1, 3)); // parent_tid: word 3 of clone_args (arg 0)
        RULES.put(ArgKind.IOVEC, new Rule(IOVEC, ENTRY, S, +1, 0));
        RULES.put(ArgKind.IOVEC_OUT, new Rule(IOVEC, EXIT, S, +1, 0));
        sized(ArgKind.SIGSET_SIZED, ENTRY, 128, +1, 0);
        sized(ArgKind.CPUSET, ENTRY, 128, -1, 0);
        sized(ArgKind.GROUPS, ENTRY, 256, -1, 2);
        sized(ArgKind.POLLFDS, BOTH, 4096, +1, 3);           // revents are printed with the result
        rule(ArgKind.FDSET, FIXED, BOTH, 128);               // select's result shows the sets it returned
        rule(ArgKind.TIMESPEC, FIXED, BOTH, 16);             // select and ppoll show the time left
        rule(ArgKind.TIMEVAL, FIXED, BOTH, 16);
        rule(ArgKind.SIGSET, FIXED, ENTRY, 8);
        rule(ArgKind.SIGACTION, FIXED, ENTRY, 32);
        rule(ArgKind.RLIMIT, FIXED, ENTRY, 16);
        rule(ArgKind.ITIMERSPEC, FIXED, ENTRY, 32);
        rule(ArgKind.SIGINFO, FIXED, ENTRY, 128);
        rule(ArgKind.SIGEVENT, FIXED, ENTRY, 64);
        rule(ArgKind.SCHED_PARAM, FIXED, ENTRY, 4);
        rule(ArgKind.PSELECT_SIGMASK, FIXED, ENTRY, 16);
        rule(ArgKind.CAP_HEADER, FIXED, BOTH, 8);
        rule(ArgKind.CAP_DATA, FIXED, ENTRY, 24);
        rule(ArgKind.SIGFRAME_MASK, STACK, ENTRY, 512);      // rt_sigreturn's frame at the stack pointer
        // written by the call: copied at exit
        rule(ArgKind.OUTBUF, RET_LEN, EXIT, S);
        rule(ArgKind.RANDOM_OUT, RET_LEN, EXIT, S);
        rule(ArgKind.OUTPATH, STRING, EXIT, PATH_BYTES);
        rule(ArgKind.DIRENTS_OUT, RET_LEN, EXIT, 8192);      // counted record by record
        RULES.put(ArgKind.CPUSET_OUT, new Rule(RET_LEN, EXIT, 128, 0, 0));
        RULES.put(ArgKind.GROUPS_OUT, new Rule(RET_LEN, EXIT, 256, 0, 2));
        rule(ArgKind.STAT_OUT, FIXED, EXIT, 144);
        rule(ArgKind.STATX_OUT, FIXED, EXIT, 256);
        rule(ArgKind.STATFS_OUT, FIXED, EXIT, 120);
        rule(ArgKind.SYSINFO_OUT, FIXED, EXIT, 112);
        rule(ArgKind.UNAME_OUT, FIXED, EXIT, 390);
        rule(ArgKind.PIPEFDS_OUT, FIXED, EXIT, 8);
        rule(ArgKind.WAIT_STATUS_OUT, FIXED, EXIT, 4);
        rule(ArgKind.SIGSET_OUT, FIXED, EXIT, 8);
        rule(ArgKind.SIGACTION_OUT, FIXED, EXIT, 32);
        rule(ArgKind.RLIMIT_OUT, FIXED, EXIT, 16);
        rule(ArgKind.TIMESPEC_OUT, FIXED, EXIT, 16);
        rule(ArgKind.TIMEVAL_OUT, FIXED, EXIT, 16);
        rule(ArgKind.SIGINFO_OUT, FIXED, EXIT, 128);
        rule(ArgKind.ITIMERSPEC_OUT, FIXED, EXIT, 32);
        rule(ArgKind.SCHED_PARAM_OUT, FIXED, EXIT, 4);
        rule(ArgKind.CAP_DATA_OUT, FIXED, EXIT, 24);
        rule(ArgKind.ADDR_OUT, FIXED, EXIT, 8);
        rule(ArgKind.ULONG_OUT, FIXED, EXIT, 8);
        rule(ArgKind.ID_OUT, FIXED, EXIT, 4);
        rule(ArgKind.CLONE_TIDS, FIXED, EXIT, 4);
        rule(ArgKind.SOCKADDR_OUT, FIXED, EXIT, 128);
        rule(ArgKind.SOCKLEN_INOUT, FIXED, BOTH, 4);
        rule(ArgKind.SOCKOPT_VALUE_OUT, FIXED, EXIT, 64);
        rule(ArgKind.PRCTL_OUT, FIXED, EXIT, 16);
        rule(ArgKind.IOCTL_ARG, FIXED, EXIT, 64);
    }

    private CapturePlan() {}

    /** The rule for {@code kind}, or null when the kernel copies nothing for it. */
    static Rule rule(ArgKind kind) {
        return RULES.get(kind);
    }

    /**
     * The {@code renacer_plans} map's value for syscall {@code number}: six {@code struct capture_rule}s
     * (u8 kind, u8 when, u8 len_arg, u8 shift, u32 max), little-endian.
     *
     * @param stringLimit -s
     */
    static byte[] plan(int number, int stringLimit) {
        byte[] plan = new byte[Records.PLAN_SIZE];
        int count = Math.min(SyscallTable.argumentCount(number), Records.MAX_ARGS);
        for (int i = 0; i < count; i++) {
            Rule r = RULES.get(SyscallTable.argumentKind(number, i));
            if (r == null) continue;
            int at = i * Records.RULE_SIZE;
            int max = r.max() == S ? stringBytes(r.kind(), stringLimit) : r.max();
            int lengthArg = i + r.lengthArg();
            int shift = r.kind() == ARGV ? Math.min(stringLimit + 1, ARGV_MAX) : r.shift();
            boolean usesArg = r.kind() == ARG_LEN || r.kind() == IOVEC || r.kind() == DEREF;
            if (usesArg && (lengthArg < 0 || lengthArg >= Records.MAX_ARGS)) continue;
            plan[at] = (byte) r.kind();
            plan[at + 1] = (byte) r.when();
            plan[at + 2] = (byte) (usesArg ? lengthArg : 0);
            plan[at + 3] = (byte) shift;
            putInt(plan, at + 4, max);
        }
        return plan;
    }

    /** Strings: -s bytes, the NUL, one more to tell a string of exactly -s bytes from a longer one. */
    private static int stringBytes(int kind, int stringLimit) {
        int limit = Math.min(stringLimit, CAPTURE_MAX - 2);
        return kind == STRING || kind == ARGV ? limit + 2 : Math.max(limit, 0); // buffers, iovec elements: -s
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
