package dev.renacer.syscall;

import java.util.Arrays;

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

    private static final FlagSet SI_CODES = Flags.get("si_code");
    private static final FlagSet AUDIT_ARCH = Flags.get("audit_arch");
    private static final int SI_KERNEL = code("si_code", "SI_KERNEL"), SI_TIMER = code("si_code", "SI_TIMER");
    private static final int SI_SIGIO = code("si_code", "SI_SIGIO"), SI_TKILL = code("si_code", "SI_TKILL");
    private static final int CLD_EXITED = code("sigchld_codes", "CLD_EXITED"), POLL_MSG = code("sigio_codes", "POLL_MSG");
    private static final int BUS_MCEERR_AR = code("sigbus_codes", "BUS_MCEERR_AR");
    private static final int BUS_MCEERR_AO = code("sigbus_codes", "BUS_MCEERR_AO");
    private static final int SEGV_BNDERR = code("sigsegv_codes", "SEGV_BNDERR");
    private static final int SEGV_PKUERR = code("sigsegv_codes", "SEGV_PKUERR");
    private static final int SIGBUS = Signals.number("SIGBUS"), SIGSEGV = Signals.number("SIGSEGV");

    /** The union member a kernel-sent siginfo (si_code above 0) fills, which depends on the signal. */
    private enum Member { CHILD, FAULT, POLL, SYSCALL, OTHER }

    /** Per signal number: the member, and the set naming its si_code values above 0 (null: none named). */
    private static final Member[] MEMBERS = new Member[Signals.MAX_SIGNAL + 1];
    private static final FlagSet[] CODES = new FlagSet[Signals.MAX_SIGNAL + 1];

    static {
        Arrays.fill(MEMBERS, Member.OTHER);
        signal("SIGILL", Member.FAULT, "sigill_codes");
        signal("SIGFPE", Member.FAULT, "sigfpe_codes");
        signal("SIGSEGV", Member.FAULT, "sigsegv_codes");
        signal("SIGBUS", Member.FAULT, "sigbus_codes");
        signal("SIGTRAP", Member.FAULT, "sigtrap_codes");
        signal("SIGCHLD", Member.CHILD, "sigchld_codes");
        signal("SIGIO", Member.POLL, "sigio_codes");
        signal("SIGSYS", Member.SYSCALL, "sigsys_codes");
        signal("SIGPROF", Member.OTHER, "sigprof_codes");
    }

    private static void signal(String name, Member member, String codes) {
        int signo = Signals.number(name);
        MEMBERS[signo] = member;
        CODES[signo] = Flags.get(codes);
    }

    private static int code(String set, String name) {
        return (int) Flags.get(set).value(name);
    }

    private static Member member(int signo) {
        return signo > 0 && signo <= Signals.MAX_SIGNAL ? MEMBERS[signo] : Member.OTHER;
    }

    /** The set naming a kernel-sent si_code of this signal, or null. */
    private static FlagSet kernelCodes(int signo) {
        return signo > 0 && signo <= Signals.MAX_SIGNAL ? CODES[signo] : null;
    }

    static void append(byte[] si, StringBuilder out) {
        int signo = LittleEndian.i32(si, SIGNO);
        if (signo == 0) {
            out.append("{}"); // strace prints nothing of a siginfo without a signal
            return;
        }
        int errno = LittleEndian.i32(si, ERRNO);
        int code = LittleEndian.i32(si, CODE);
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
            Num.appendHexOrZero(LittleEndian.u32(si, TIMER_ID), out);
            out.append(", si_overrun=").append(LittleEndian.i32(si, OVERRUN));
            appendSigval(si, out);
            return;
        }
        if (code == SI_SIGIO) {
            out.append(", si_band=").append(LittleEndian.i64(si, BAND));
            out.append(", si_fd=").append(LittleEndian.i32(si, POLL_FD));
            return;
        }
        appendSource(si, out);
        if (code != 0 && code != SI_TKILL && LittleEndian.i64(si, SIGVAL) != 0) appendSigval(si, out);
    }

    private static void appendFromKernel(byte[] si, int signo, int code, StringBuilder out) {
        switch (member(signo)) {
            case CHILD:
                appendSource(si, out);
                out.append(", si_status=");
                if (code == CLD_EXITED) out.append(LittleEndian.i32(si, STATUS));
                else Signals.appendName(LittleEndian.i32(si, STATUS), out);
                out.append(", si_utime=");
                Num.appendClockTicks(LittleEndian.i64(si, UTIME), out);
                out.append(", si_stime=");
                Num.appendClockTicks(LittleEndian.i64(si, STIME), out);
                break;
            case FAULT:
                out.append(", si_addr=");
                Num.appendAddress(LittleEndian.i64(si, ADDR), out);
                appendFaultDetail(si, signo, code, out);
                break;
            case POLL:
                if (code >= 1 && code <= POLL_MSG) {
                    out.append(", si_band=").append(LittleEndian.i64(si, BAND));
                    out.append(", si_fd=").append(LittleEndian.i32(si, POLL_FD));
                }
                break;
            case SYSCALL:
                out.append(", si_call_addr=");
                Num.appendAddress(LittleEndian.i64(si, CALL_ADDR), out);
                out.append(", si_syscall=");
                int nr = LittleEndian.i32(si, SYSCALL);
                if (SyscallTable.known(nr)) out.append("__NR_").append(SyscallTable.name(nr));
                else out.append(nr);
                out.append(", si_arch=");
                AUDIT_ARCH.append(LittleEndian.u32(si, ARCH), out);
                break;
            default:
                if (LittleEndian.i32(si, PID) != 0 || LittleEndian.i32(si, UID) != 0) appendSource(si, out);
                if (LittleEndian.i64(si, SIGVAL) != 0) appendSigval(si, out);
        }
    }

    /** The extra fields of machine-check bus errors and of bound and protection-key violations. */
    private static void appendFaultDetail(byte[] si, int signo, int code, StringBuilder out) {
        if (signo == SIGBUS && (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO)) {
            out.append(", si_addr_lsb=");
            Num.appendHexOrZero((LittleEndian.u16(si, ADDR_LSB)), out);
        } else if (signo == SIGSEGV && code == SEGV_BNDERR) {
            out.append(", si_lower=");
            Num.appendAddress(LittleEndian.i64(si, LOWER), out);
            out.append(", si_upper=");
            Num.appendAddress(LittleEndian.i64(si, UPPER), out);
        } else if (signo == SIGSEGV && code == SEGV_PKUERR) {
            out.append(", si_pkey=").append(LittleEndian.u32(si, PKEY));
        }
    }

    private static void appendCode(int signo, int code, StringBuilder out) {
        FlagSet codes = code <= 0 || code == SI_KERNEL ? SI_CODES : kernelCodes(signo);
        String name = codes == null ? null : codes.nameOf(code);
        if (name != null) out.append(name);
        else Num.appendHex(code & 0xffffffffL, out);
    }

    private static void appendSource(byte[] si, StringBuilder out) {
        out.append(", si_pid=").append(LittleEndian.i32(si, PID));
        out.append(", si_uid=").append(LittleEndian.u32(si, UID));
    }

    private static void appendSigval(byte[] si, StringBuilder out) {
        out.append(", si_int=").append(LittleEndian.i32(si, SIGVAL));
        out.append(", si_ptr=");
        Num.appendAddress(LittleEndian.i64(si, SIGVAL), out);
    }
}
