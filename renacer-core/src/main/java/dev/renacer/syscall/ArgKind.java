package dev.renacer.syscall;

import java.util.Locale;

/**
 * What a syscall argument is, which decides how it is printed. The syscall table names a kind per
 * argument (in lower case); {@link SyscallDecoder} looks the decoder up by kind, never by syscall name.
 */
public enum ArgKind {
    /** Plain hex, 0 as "0": strace's fallback for arguments it does not decode. Spelled "x" in the table. */
    HEX(false),
    INT(false), UINT(false), LONG(false), ULONG(false),
    /** An address: NULL or hex. */
    PTR(false),
    FD(false),
    /** A directory fd of the *at calls: AT_FDCWD for -100. */
    DIRFD(false),
    /** A file name: NUL-terminated, bounded by PATH_MAX rather than -s, as strace prints paths. */
    PATH(false),
    /** A NUL-terminated string bounded by -s. */
    STR(false),
    /** A buffer the call reads; its length is the next argument. */
    INBUF(false),
    OPEN_FLAGS(false),
    /** open's mode: printed only when the flags (previous argument) say O_CREAT or O_TMPFILE. */
    OPEN_MODE(false),
    MODE(false), ACCESS_MODE(false), AT_FLAGS(false), FD_FLAGS(false),
    PROT(false), MAP_FLAGS(false), WHENCE(false), FCNTL_CMD(false),
    SIGNAL(false), SIGSET(false), SIGMASK_HOW(false), SIGACTION(false),
    ARGV(false), ENVP(false), WAIT_OPTIONS(false), ARCH_PRCTL_CODE(false), RLIMIT_RESOURCE(false),
    /** A buffer the call fills; printed at exit with the returned length. */
    OUTBUF(true),
    /** A path the call fills (getcwd). */
    OUTPATH(true),
    STAT_OUT(true), PIPEFDS_OUT(true), WAIT_STATUS_OUT(true), SIGSET_OUT(true), SIGACTION_OUT(true);

    private final boolean atExit;

    ArgKind(boolean atExit) { this.atExit = atExit; }

    /** True when the value exists only after the call ran, so it is printed at the exit stop. */
    public boolean atExit() { return atExit; }

    /** The kind the table spells {@code token}. */
    static ArgKind fromToken(String token) {
        return token.equals("x") ? HEX : valueOf(token.toUpperCase(Locale.ROOT));
    }
}
