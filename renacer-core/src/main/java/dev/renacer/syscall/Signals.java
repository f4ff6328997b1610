package dev.renacer.syscall;

/** STUB to be replaced: signal names and siginfo formatting as strace prints them. */
public final class Signals {
    private Signals() {}

    /** "SIGCHLD", or "SIG123" for an unknown number. */
    public static String name(int signal) { return "SIG" + signal; }

    /**
     * Appends a siginfo_t (the 128 bytes PTRACE_GETSIGINFO returns) as strace prints it, braces included:
     * {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=0, si_utime=0, si_stime=0}}.
     */
    public static void formatSiginfo(byte[] siginfo, StringBuilder out) { out.append("{}"); }
}
