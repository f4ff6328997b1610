package dev.renacer.syscall;

/**
 * The x86_64 siginfo_t layout and strace's way of printing it (printsiginfo.c): which union member is
 * shown depends on whether a user sent the signal (si_code &lt;= 0) and, if not, on the signal.
 */
final class SiginfoFormat {
    private SiginfoFormat() {}

    // x86_64 offsets: three ints, padding to 16, then the union.
    private static final int SIGNO = 0, ERRNO = 4, CODE = 8;
    private static final int PID = 16, UID = 20, SIGVAL = 24;
    private static final int STATUS = 24, UTIME = 32, STIME = 40;
    private static final int ADDR = 16, BAND = 16, POLL_FD = 24;
    private static final int TIMER_ID = 16, OVERRUN = 20;
    private static final int CALL_ADDR = 16, SYSCALL = 24, ARCH = 28;
    private static final int ADDR_LSB = 24, LOWER = 32, UPPER = 40, PKEY = 32;

    private static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGCHLD = 17;
    private static final int SIGPROF = 27, SIGIO = 29, SIGSYS = 31;
    private static final int SI_TIMER = -2, SI_SIGIO = -5, SI_TKILL = -6, SI_KERNEL = 0x80, CLD_EXITED = 1;
    private static final int BUS_MCEERR_AR = 4, BUS_MCEERR_AO = 5, SEGV_BNDERR = 3, SEGV_PKUERR = 4, POLL_MSG = 3;
    private static final int AUDIT_ARCH_X86_64 = 0xc000003e;

    /** si_code values any signal may carry, from 0 down (SI_ASYNCNL is -60), plus SI_KERNEL. */
    private static final String[] USER_CODES = {
        "SI_USER", "SI_QUEUE", "SI_TIMER", "SI_MESGQ", "SI_ASYNCIO", "SI_SIGIO", "SI_TKILL", "SI_DETHREAD",
    };
    private static final String[] ILL_CODES = {null, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP",
        "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"};
    private static final String[] FPE_CODES = {null, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF",
        "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB", null, null, null, null, null, "FPE_FLTUNK",
        "FPE_CONDTRAP"};
    private static final String[] SEGV_CODES = {null, "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR",
        "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR"};
    private static final String[] BUS_CODES = {null, "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR",
        "BUS_MCEERR_AO"};
    private static final String[] TRAP_CODES = {null, "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT",
        "TRAP_UNK", "TRAP_PERF"};
    private static final String[] CLD_CODES = {null, "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
        "CLD_STOPPED", "CLD_CONTINUED"};
    private static final String[] POLL_CODES = {null, "POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI",
        "POLL_HUP"};
    private static final String[] SYS_CODES = {null, "SYS_SECCOMP", "SYS_USER_DISPATCH"};
    private static final String[] PROF_CODES = {null, "PROF_SIG"};

    static void append(byte[] si, StringBuilder out) {
        int signo = i32(si, SIGNO);
        if (signo == 0) {
            out.append("{}"); // strace prints nothing of a siginfo without a signal
            return;
        }
        int errno = i32(si, ERRNO);
        int code = i32(si, CODE);
        out.append("{si_signo=");
        Signals.appendName(signo, out);
        out.append(", si_code=");
        appendCode(signo, code, out);
        if (errno != 0) {
            out.append(", si_errno=");
            Errno.appendPrintedName(errno, out);
        }
        if (code <= 0) appendFromUser(si, code, out);
        else appendFromKernel(si, signo, code, out);
        out.append('}');
    }

    private static void appendFromUser(byte[] si, int code, StringBuilder out) {
        if (code == SI_TIMER) {
            out.append(", si_timerid=");
            Num.appendHex(i32(si, TIMER_ID) & 0xffffffffL, out);
            out.append(", si_overrun=").append(i32(si, OVERRUN));
            appendSigval(si, out);
            return;
        }
        if (code == SI_SIGIO) {
            out.append(", si_band=").append(i64(si, BAND));
            out.append(", si_fd=").append(i32(si, POLL_FD));
            return;
        }
        appendSource(si, out);
        if (code != 0 && code != SI_TKILL && i64(si, SIGVAL) != 0) appendSigval(si, out);
    }

    private static void appendFromKernel(byte[] si, int signo, int code, StringBuilder out) {
        switch (signo) {
            case SIGCHLD:
                appendSource(si, out);
                out.append(", si_status=");
                if (code == CLD_EXITED) out.append(i32(si, STATUS));
                else Signals.appendName(i32(si, STATUS), out);
                out.append(", si_utime=").append(i64(si, UTIME));
                out.append(", si_stime=").append(i64(si, STIME));
                break;
            case SIGILL: case SIGFPE: case SIGSEGV: case SIGBUS: case SIGTRAP:
                out.append(", si_addr=");
                Num.appendAddress(i64(si, ADDR), out);
                appendFaultDetail(si, signo, code, out);
                break;
            case SIGIO:
                if (code >= 1 && code <= POLL_MSG) {
                    out.append(", si_band=").append(i64(si, BAND));
                    out.append(", si_fd=").append(i32(si, POLL_FD));
                }
                break;
            case SIGSYS:
                out.append(", si_call_addr=");
                Num.appendAddress(i64(si, CALL_ADDR), out);
                out.append(", si_syscall=");
                int nr = i32(si, SYSCALL);
                if (SyscallTable.known(nr)) out.append("__NR_").append(SyscallTable.name(nr));
                else out.append(nr);
                out.append(", si_arch=");
                if (i32(si, ARCH) == AUDIT_ARCH_X86_64) out.append("AUDIT_ARCH_X86_64");
                else Num.appendHex(i32(si, ARCH) & 0xffffffffL, out);
                break;
            default:
                if (i32(si, PID) != 0 || i32(si, UID) != 0) appendSource(si, out);
                if (i64(si, SIGVAL) != 0) appendSigval(si, out);
        }
    }

    /** The extra fields of machine-check bus errors and of bound and protection-key violations. */
    private static void appendFaultDetail(byte[] si, int signo, int code, StringBuilder out) {
        if (signo == SIGBUS && (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO)) {
            out.append(", si_addr_lsb=");
            Num.appendHexOrZero(((si[ADDR_LSB] & 0xff) | (si[ADDR_LSB + 1] & 0xff) << 8), out);
        } else if (signo == SIGSEGV && code == SEGV_BNDERR) {
            out.append(", si_lower=");
            Num.appendAddress(i64(si, LOWER), out);
            out.append(", si_upper=");
            Num.appendAddress(i64(si, UPPER), out);
        } else if (signo == SIGSEGV && code == SEGV_PKUERR) {
            out.append(", si_pkey=").append(i32(si, PKEY) & 0xffffffffL);
        }
    }

    private static void appendCode(int signo, int code, StringBuilder out) {
        String name = null;
        if (code <= 0 && -code < USER_CODES.length) name = USER_CODES[-code];
        else if (code == -60) name = "SI_ASYNCNL";
        else if (code == SI_KERNEL) name = "SI_KERNEL";
        else if (code > 0) name = lookup(codesFor(signo), code);
        if (name != null) {
            out.append(name);
        } else {
            Num.appendHex(code & 0xffffffffL, out);
        }
    }

    private static String[] codesFor(int signo) {
        switch (signo) {
            case SIGILL: return ILL_CODES;
            case SIGFPE: return FPE_CODES;
            case SIGSEGV: return SEGV_CODES;
            case SIGBUS: return BUS_CODES;
            case SIGTRAP: return TRAP_CODES;
            case SIGCHLD: return CLD_CODES;
            case SIGIO: return POLL_CODES;
            case SIGSYS: return SYS_CODES;
            case SIGPROF: return PROF_CODES;
            default: return null;
        }
    }

    private static String lookup(String[] names, int code) {
        return names != null && code < names.length ? names[code] : null;
    }

    private static void appendSource(byte[] si, StringBuilder out) {
        out.append(", si_pid=").append(i32(si, PID));
        out.append(", si_uid=").append(i32(si, UID) & 0xffffffffL);
    }

    private static void appendSigval(byte[] si, StringBuilder out) {
        out.append(", si_int=").append(i32(si, SIGVAL));
        out.append(", si_ptr=");
        Num.appendAddress(i64(si, SIGVAL), out);
    }

    static int i32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static long i64(byte[] b, int at) {
        return (i32(b, at) & 0xffffffffL) | ((long) i32(b, at + 4)) << 32;
    }
}
