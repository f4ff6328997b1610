package dev.renacer.linux;

/** ptrace(2) requests, options, events and the wait(2) status bits the tracer needs (x86_64 Linux). */
public final class Ptrace {
    private Ptrace() {}

    public static final int PTRACE_POKEUSER = 6;
    public static final int PTRACE_CONT = 7;
    public static final int PTRACE_SYSCALL = 24;
    public static final int PTRACE_DETACH = 17;
    public static final int PTRACE_SETOPTIONS = 0x4200;
    public static final int PTRACE_GETEVENTMSG = 0x4201;
    public static final int PTRACE_GETSIGINFO = 0x4202;
    public static final int PTRACE_SEIZE = 0x4206;
    public static final int PTRACE_INTERRUPT = 0x4207;
    public static final int PTRACE_LISTEN = 0x4208;
    public static final int PTRACE_GET_SYSCALL_INFO = 0x420e;

    public static final int O_TRACESYSGOOD = 0x1;
    public static final int O_TRACEFORK = 0x2;
    public static final int O_TRACEVFORK = 0x4;
    public static final int O_TRACECLONE = 0x8;
    public static final int O_TRACEEXEC = 0x10;
    public static final int O_TRACESECCOMP = 0x80;
    public static final int O_EXITKILL = 0x100000;

    public static final int EVENT_FORK = 1;
    public static final int EVENT_VFORK = 2;
    public static final int EVENT_CLONE = 3;
    public static final int EVENT_EXEC = 4;
    public static final int EVENT_VFORK_DONE = 5;
    public static final int EVENT_EXIT = 6;
    /** A call the task's seccomp filter returned SECCOMP_RET_TRACE for (after its syscall-entry-stop, Linux 4.8+). */
    public static final int EVENT_SECCOMP = 7;
    public static final int EVENT_STOP = 128;

    /** struct ptrace_syscall_info: op values and field offsets. */
    public static final int SYSCALL_INFO_SIZE = 88;
    public static final int SYSCALL_INFO_NONE = 0;
    public static final int SYSCALL_INFO_ENTRY = 1;
    public static final int SYSCALL_INFO_EXIT = 2;
    public static final int SYSCALL_INFO_SECCOMP = 3;
    public static final int SYSCALL_INFO_OFF_OP = 0;
    public static final int SYSCALL_INFO_OFF_ARCH = 4;
    public static final int SYSCALL_INFO_OFF_SP = 16;
    public static final int SYSCALL_INFO_OFF_NR = 24;
    public static final int SYSCALL_INFO_OFF_ARGS = 32;
    public static final int SYSCALL_INFO_OFF_RVAL = 24;
    /** AUDIT_ARCH_X86_64: a 64-bit syscall (as opposed to int 0x80 from a 64-bit process). */
    public static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    /** AUDIT_ARCH_I386: a call through the i386 ABI (int $0x80), numbered from the i386 table. */
    public static final int AUDIT_ARCH_I386 = 0x40000003;

    public static final int SIGINFO_SIZE = 128;

    /** offsetof(struct user, regs.rax) and regs.orig_rax on x86_64: the return value and the syscall number. */
    public static final int USER_OFF_RAX = 10 * 8;
    public static final int USER_OFF_ORIG_RAX = 15 * 8;

    public static final int WNOHANG = 1;
    public static final int WUNTRACED = 2;
    public static final int WALL = 0x40000000;

    public static final int SIGKILL = 9;
    public static final int SIGTRAP = 5;
    /** The stop signal of a syscall-stop under PTRACE_O_TRACESYSGOOD, told apart from a delivered SIGTRAP. */
    public static final int SYSCALL_STOP_SIGNAL = SIGTRAP | 0x80;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    public static final int SIGINT = 2;
    public static final int SIGTERM = 15;

    public static final int ESRCH = 3;

    public static boolean exited(int status) { return (status & 0x7f) == 0; }
    public static int exitCode(int status) { return (status >> 8) & 0xff; }
    public static boolean signaled(int status) { int low = status & 0x7f; return low != 0 && low != 0x7f; }
    public static int termSignal(int status) { return status & 0x7f; }
    public static boolean coreDumped(int status) { return (status & 0x80) != 0; }
    public static boolean stopped(int status) { return (status & 0xff) == 0x7f; }
    public static int stopSignal(int status) { return (status >> 8) & 0xff; }
    public static int event(int status) { return (status >> 16) & 0xffff; }

    public static boolean isStopSignal(int signal) {
        return signal == SIGSTOP || signal == SIGTSTP || signal == SIGTTIN || signal == SIGTTOU;
    }
}
