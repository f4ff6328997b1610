package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts are strace 6.1's "--- SIG... {...} ---" lines for the same signals. */
class SignalsTest {
    private static final int SIGUSR1 = 10, SIGUSR2 = 12, SIGSEGV = 11, SIGCHLD = 17, SIGBUS = 7, SIGKILL = 9;

    @Test
    void names() {
        assertThat(Signals.name(1)).isEqualTo("SIGHUP");
        assertThat(Signals.name(SIGCHLD)).isEqualTo("SIGCHLD");
        assertThat(Signals.name(31)).isEqualTo("SIGSYS");
        assertThat(Signals.name(32)).isEqualTo("SIGRTMIN");
        assertThat(Signals.name(35)).isEqualTo("SIGRT_3");
        assertThat(Signals.name(64)).isEqualTo("SIGRT_32");
        assertThat(Signals.name(99)).isEqualTo("99");
        assertThat(Signals.name(0)).isEqualTo("0");
        assertThat(Signals.number("SIGTERM")).isEqualTo(15);
        assertThat(Signals.number("TERM")).isEqualTo(15);
    }

    @Test
    void signalSetsPrintTheShorterOfTheSetAndItsComplement() {
        StringBuilder out = new StringBuilder();
        Signals.appendSigset((1L << 16) | (1L << 33) | (1L << 34), out);
        assertThat(out).hasToString("[CHLD RT_2 RT_3]");
        out.setLength(0);
        Signals.appendSigset(~((1L << 31) | (1L << 32) | (1L << 33) | (1L << 34)), out);
        assertThat(out).hasToString("~[RTMIN RT_1 RT_2 RT_3]");
        out.setLength(0);
        Signals.appendSigset(-1L, out);
        assertThat(out).hasToString("~[]");
        out.setLength(0);
        Signals.appendSigset(0xffffffffL, out);
        assertThat(out).hasToString("[HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT "
                + "CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS RTMIN]");
    }

    @Test
    void childExited() {
        byte[] si = siginfo(SIGCHLD, 0, 1);
        put32(si, 16, 42); put32(si, 20, 0); put32(si, 24, 0); put64(si, 32, 0); put64(si, 40, 0);
        assertThat(format(si)).isEqualTo(
                "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=0, si_utime=0, si_stime=0}");
        put32(si, 24, 3); put64(si, 32, 7); put64(si, 40, 11); put32(si, 20, 1000);
        assertThat(format(si)).isEqualTo(
                "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=1000, si_status=3, si_utime=7 /* 0.07 s */, "
                        + "si_stime=11 /* 0.11 s */}");
        // strace 6.1 on a child that ran 0.47 s, and on larger times (clock ticks of 1/100 s, as USER_HZ)
        put64(si, 32, 47); put64(si, 40, 123456);
        assertThat(format(si)).endsWith("si_utime=47 /* 0.47 s */, si_stime=123456 /* 1234.56 s */}");
    }

    @Test
    void childKilledShowsTheSignalAsStatus() {
        byte[] si = siginfo(SIGCHLD, 0, 2);
        put32(si, 16, 6448); put32(si, 24, 6);
        assertThat(format(si)).isEqualTo(
                "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=6448, si_uid=0, si_status=SIGABRT, si_utime=0, si_stime=0}");
    }

    @Test
    void sentByKillTkillAndSigqueue() {
        byte[] user = siginfo(SIGUSR1, 0, 0);
        put32(user, 16, 6446);
        assertThat(format(user)).isEqualTo("{si_signo=SIGUSR1, si_code=SI_USER, si_pid=6446, si_uid=0}");
        byte[] tkill = siginfo(SIGUSR2, 0, -6);
        put32(tkill, 16, 6446);
        assertThat(format(tkill)).isEqualTo("{si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=6446, si_uid=0}");
        byte[] queued = siginfo(SIGUSR1, 0, -1);
        put32(queued, 16, 6446); put64(queued, 24, 7);
        assertThat(format(queued)).isEqualTo(
                "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=6446, si_uid=0, si_int=7, si_ptr=0x7}");
    }

    @Test
    void faults() {
        byte[] segv = siginfo(SIGSEGV, 0, 1);
        put64(segv, 16, 8);
        assertThat(format(segv)).isEqualTo("{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8}");
        byte[] kernel = siginfo(SIGSEGV, 0, 0x80);
        assertThat(format(kernel)).isEqualTo("{si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL}");
        byte[] bus = siginfo(SIGBUS, 0, 2);
        put64(bus, 16, 0x7f0000001000L);
        assertThat(format(bus)).isEqualTo("{si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x7f0000001000}");
        byte[] killed = siginfo(SIGKILL, 0, 0x80);
        assertThat(format(killed)).isEqualTo("{si_signo=SIGKILL, si_code=SI_KERNEL}");
    }

    @Test
    void seccompTrapNamesTheSyscall() {
        // --- SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x7fe1b08c0829, si_syscall=__NR_getppid,
        //     si_arch=AUDIT_ARCH_X86_64} ---   as strace 6.1 printed it for a seccomp filter trapping getppid
        byte[] si = siginfo(31, 0, 1);
        put64(si, 16, 0x7fe1b08c0829L); put32(si, 24, 110); put32(si, 28, 0xc000003e);
        assertThat(format(si)).isEqualTo("{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x7fe1b08c0829, "
                + "si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_X86_64}");
    }

    @Test
    void emptySiginfoAndUnknownCodes() {
        assertThat(format(new byte[128])).isEqualTo("{}");
        byte[] odd = siginfo(SIGSEGV, 0, 77);
        assertThat(format(odd)).isEqualTo("{si_signo=SIGSEGV, si_code=0x4d, si_addr=NULL}");
    }

    @Test
    void everyTableOfSiCodesAndTheFieldsItsCodesSelect() {
        byte[] timer = siginfo(14, 0, -2);
        put32(timer, 16, 3);
        put32(timer, 20, 1);
        assertThat(format(timer)).isEqualTo("{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0x3, si_overrun=1, si_int=0, si_ptr=NULL}");
        put32(timer, 16, 0); // strace's %#x: the first timer of a process is 0, not 0x0
        assertThat(format(timer)).isEqualTo("{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=1, si_int=0, si_ptr=NULL}");
        byte[] sigio = siginfo(29, 0, -5);
        put64(sigio, 16, 1);
        put32(sigio, 24, 5);
        assertThat(format(sigio)).isEqualTo("{si_signo=SIGIO, si_code=SI_SIGIO, si_band=1, si_fd=5}");
        byte[] pollIn = siginfo(29, 0, 1);
        put64(pollIn, 16, 65);
        put32(pollIn, 24, 6);
        assertThat(format(pollIn)).isEqualTo("{si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=6}");
        assertThat(format(siginfo(29, 0, 6))).isEqualTo("{si_signo=SIGIO, si_code=POLL_HUP}");
        assertThat(format(siginfo(10, 0, -60))).isEqualTo("{si_signo=SIGUSR1, si_code=SI_ASYNCNL, si_pid=0, si_uid=0}");
        assertThat(format(siginfo(10, 0, -20))).isEqualTo("{si_signo=SIGUSR1, si_code=0xffffffec, si_pid=0, si_uid=0}");
        assertThat(format(siginfo(8, 0, 15))).isEqualTo("{si_signo=SIGFPE, si_code=FPE_CONDTRAP, si_addr=NULL}");
        assertThat(format(siginfo(4, 0, 9))).isEqualTo("{si_signo=SIGILL, si_code=ILL_BADIADDR, si_addr=NULL}");
        assertThat(format(siginfo(5, 0, 4))).isEqualTo("{si_signo=SIGTRAP, si_code=TRAP_HWBKPT, si_addr=NULL}");
        assertThat(format(siginfo(27, 0, 1))).isEqualTo("{si_signo=SIGPROF, si_code=PROF_SIG}");
        assertThat(format(siginfo(10, 0, 1))).as("no kernel codes for SIGUSR1").isEqualTo("{si_signo=SIGUSR1, si_code=0x1}");
        byte[] mce = siginfo(7, 0, 4);
        put64(mce, 16, 0x7f0000002000L);
        put32(mce, 24, 12);
        assertThat(format(mce)).isEqualTo("{si_signo=SIGBUS, si_code=BUS_MCEERR_AR, si_addr=0x7f0000002000, si_addr_lsb=0xc}");
        byte[] bounds = siginfo(SIGSEGV, 0, 3);
        put64(bounds, 32, 0x1000);
        put64(bounds, 40, 0x2000);
        assertThat(format(bounds)).isEqualTo("{si_signo=SIGSEGV, si_code=SEGV_BNDERR, si_addr=NULL, si_lower=0x1000, si_upper=0x2000}");
        byte[] pkey = siginfo(SIGSEGV, 0, 4);
        put32(pkey, 32, 2);
        assertThat(format(pkey)).isEqualTo("{si_signo=SIGSEGV, si_code=SEGV_PKUERR, si_addr=NULL, si_pkey=2}");
        byte[] otherArch = siginfo(31, 0, 2);
        put32(otherArch, 24, SyscallTable.number("getpid"));
        put32(otherArch, 28, 0x40000003);
        assertThat(format(otherArch)).isEqualTo("{si_signo=SIGSYS, si_code=SYS_USER_DISPATCH, si_call_addr=NULL, "
                + "si_syscall=__NR_getpid, si_arch=0x40000003}");
        assertThat(format(siginfo(10, 41, 0))).as("an errno without a name")
                .isEqualTo("{si_signo=SIGUSR1, si_code=SI_USER, si_errno=41, si_pid=0, si_uid=0}");
    }

    @Test
    void errnoIsShownWhenSet() {
        byte[] si = siginfo(SIGUSR1, 2, 0);
        assertThat(format(si)).isEqualTo("{si_signo=SIGUSR1, si_code=SI_USER, si_errno=ENOENT, si_pid=0, si_uid=0}");
    }

    private static String format(byte[] si) {
        StringBuilder out = new StringBuilder();
        Signals.formatSiginfo(si, out);
        return out.toString();
    }

    private static byte[] siginfo(int signo, int errno, int code) {
        byte[] si = new byte[128];
        put32(si, 0, signo);
        put32(si, 4, errno);
        put32(si, 8, code);
        return si;
    }

    private static void put32(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }

    private static void put64(byte[] b, int at, long v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
    }
}
