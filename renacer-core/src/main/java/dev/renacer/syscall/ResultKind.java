package dev.renacer.syscall;

import java.util.Locale;

/** How strace prints a successful call's result; the table marks the exceptions to DECIMAL with {@code ->kind}. */
public enum ResultKind {
    DECIMAL,
    /** Addresses: mmap, brk, mremap, shmat. */
    HEX,
    /** File modes: umask's previous mask. */
    OCTAL,
    /** fcntl: F_GETFL and F_GETFD results in hex with their flags spelled out. */
    FCNTL,
    /** poll: "0 (Timeout)", or the count and the descriptors that became ready. */
    POLL,
    /** prctl: PR_GET_DUMPABLE's result is named. */
    PRCTL;

    static ResultKind fromToken(String token) {
        return valueOf(token.substring(2).toUpperCase(Locale.ROOT));
    }
}
