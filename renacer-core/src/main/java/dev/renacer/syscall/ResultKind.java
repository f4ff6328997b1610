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
    PRCTL,
    /** select, pselect6: "0 (Timeout)", or the ready descriptors per set and the time left. */
    SELECT,
    /** ppoll: poll's result, then the time left. */
    PPOLL,
    /** personality: the previous persona in hex, spelled out, {@code 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)}. */
    PERSONALITY,
    /** rt_sigtimedwait: the signal taken, named, {@code 12 (SIGUSR2)}. */
    SIGNAL,
    /** ioprio_get: the priority spelled out, {@code 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))}. */
    IOPRIO,
    /** A new descriptor (open, socket, dup...): under -y / -yy with what it refers to, {@code 3</etc/passwd>} (strace's RVAL_FD). */
    FD;

    static ResultKind fromToken(String token) {
        return valueOf(token.substring(2).toUpperCase(Locale.ROOT));
    }
}
