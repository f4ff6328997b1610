package dev.renacer.syscall;

/**
 * x86_64 signal names and siginfo formatting, as strace 6.1 prints them. Names of 0..64 are
 * precomputed so that printing a signal never allocates.
 */
public final class Signals {
    /** The kernel's first real-time signal; glibc reserves 32 and 33, so its SIGRTMIN is this plus 2. */
    public static final int KERNEL_SIGRTMIN = 32;
    public static final int MAX_SIGNAL = 64;

    private static final String[] CLASSIC = {
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS", "SIGRTMIN",
    };
    private static final String[] NAMES = new String[MAX_SIGNAL + 1];
    /** Names without "SIG", as strace prints them inside a signal set: "[CHLD RT_2]". */
    private static final String[] SHORT_NAMES = new String[MAX_SIGNAL + 1];

    static {
        for (int s = 0; s <= MAX_SIGNAL; s++) {
            NAMES[s] = s < CLASSIC.length ? CLASSIC[s] : "SIGRT_" + (s - KERNEL_SIGRTMIN);
            SHORT_NAMES[s] = s == 0 ? "0" : NAMES[s].substring(3);
        }
    }

    private Signals() {}

    /**
     * "SIGCHLD", "SIGRTMIN" (32), "SIGRT_3" (35); 0 and numbers strace has no name for print as the number
     * ({@code kill(42, 0)}, {@code kill(42, 99)}).
     */
    public static String name(int signal) {
        return signal >= 0 && signal <= MAX_SIGNAL ? NAMES[signal] : Integer.toString(signal);
    }

    /** Appends {@link #name(int)} without allocating. */
    public static void appendName(int signal, StringBuilder out) {
        if (signal >= 0 && signal <= MAX_SIGNAL) out.append(NAMES[signal]);
        else out.append(signal);
    }

    /**
     * A call's result that is a signal, as strace prints one: {@code 12 (SIGUSR2)}, and 0 (no signal) alone
     * (rt_sigtimedwait, fcntl's F_GETSIG).
     */
    public static void appendNumberAndName(long signal, StringBuilder out) {
        out.append(signal);
        if (signal == 0) return;
        out.append(" (");
        appendName((int) signal, out);
        out.append(')');
    }

    /** The number of "SIGTERM" or "TERM", or -1. */
    public static int number(String name) {
        for (int s = 1; s <= MAX_SIGNAL; s++) if (NAMES[s].equals(name) || SHORT_NAMES[s].equals(name)) return s;
        return -1;
    }

    /**
     * Appends a 64-signal set as strace does: "[CHLD RT_2]", or the complement "~[RTMIN RT_1]" when more
     * than half the signals are in the set (bit N-1 stands for signal N).
     */
    public static void appendSigset(long mask, StringBuilder out) {
        long shown = mask;
        if (Long.bitCount(mask) > MAX_SIGNAL / 2) {
            out.append('~');
            shown = ~mask;
        }
        out.append('[');
        boolean first = true;
        for (int bit = 0; bit < MAX_SIGNAL; bit++) {
            if ((shown & (1L << bit)) == 0) continue;
            if (!first) out.append(' ');
            out.append(SHORT_NAMES[bit + 1]);
            first = false;
        }
        out.append(']');
    }

    /**
     * Appends a siginfo_t (the 128 bytes PTRACE_GETSIGINFO returns) as strace prints it, braces included:
     * {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=0, si_utime=0, si_stime=0}}.
     */
    public static void formatSiginfo(byte[] siginfo, StringBuilder out) {
        SiginfoFormat.append(siginfo, out);
    }
}
