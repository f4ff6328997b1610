package dev.renacer.syscall;

import java.util.Locale;

/**
 * What a syscall argument is, which decides how it is printed. The syscall table names a kind per
 * argument (in lower case); {@link dev.renacer.syscall.decode.SyscallDecoder} looks the decoder up by kind,
 * never by syscall name.
 */
public enum ArgKind {
    /** Plain hex, 0 as "0" (strace's %#lx). */
    HEX(false),
    /**
     * An argument renacer does not decode yet, printed as HEX. Spelled "x" in the table, so that the
     * calls still waiting for a real signature are easy to find (strace decodes nearly all of them).
     */
    UNDECODED(false),
    INT(false), UINT(false), LONG(false), ULONG(false),
    /**
     * A 32-bit value printed with a flag set of the flags-*.tbl files, which the table names per argument as
     * {@code @set}: one kind serves every flag set, so a new set needs no code.
     */
    FLAGS(false),
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
    /** setxattr's value, its length next, shown without a trailing NUL as strace shows xattr values. */
    XATTR_VALUE(false),
    OPEN_FLAGS(false),
    /** open's mode: printed only when the flags (previous argument) say O_CREAT or O_TMPFILE. */
    OPEN_MODE(false),
    MODE(false), MAP_FLAGS(false), FCNTL_CMD(false),
    /** mremap's new address: shown only when the flags say both MREMAP_MAYMOVE and MREMAP_FIXED. */
    MREMAP_ADDRESS(false),
    SIGNAL(false), SIGSET(false), SIGACTION(false),
    /** rt_sigreturn's only shown "argument": the signal mask saved in the frame at the stack pointer. */
    SIGFRAME_MASK(false),
    /**
     * restart_syscall's only shown "argument", {@code <... resuming interrupted clock_nanosleep ...>}: the call
     * the task made before, as the decoder last saw it exit (strace's s_prev_ent).
     */
    RESTARTED_CALL(false),
    ARGV(false), ENVP(false),
    /** clone's flags with the exit signal, printed with its stack as {@code child_stack=NULL, flags=...}. */
    CLONE_FLAGS(false),
    RLIMIT(false), TIMESPEC(false),
    /**
     * A clock id, printed with the clockid set as a sign-extended int rather than as {@code @clockid}'s 32-bit
     * value: the dynamic clocks (a process's CPU clock) are negative.
     */
    CLOCKID(false),
    /** futex's operation, and the arguments that operation uses (their number depends on it). */
    FUTEX_OP(false),
    IOCTL_CMD(false), SOCKET_TYPE(false),
    /** A socket's protocol, named according to the domain in argument 0. */
    SOCKET_PROTOCOL(false),
    /** A socket address the call reads; its length is the next argument. */
    SOCKADDR(false),
    TIMEVAL(false), PRCTL_OPTION(false),
    /** A CPU set the call reads, {@code [0 1]}; its size in bytes is the previous argument. */
    CPUSET(false),
    /** setgroups' list; its length is the previous argument. */
    GROUPS(false),
    /** A socket option's name, from the table of the level in the previous argument. */
    SOCKOPT_NAME(false),
    /** setsockopt's value: [N] when it is an int, else its address; its length is the next argument. */
    SOCKOPT_VALUE(false),
    /** poll's array of struct pollfd; its length is the next argument. */
    POLLFDS(false),
    /** struct itimerval the call reads (setitimer's new value); ITIMERVAL_OUT one it fills. */
    ITIMERVAL(false),
    /** set_mempolicy's and mbind's mode with its MPOL_F_* flags. */
    MPOL_MODE(false),
    /** A NUMA node mask; its size in bits is the next argument. Printed at exit as the address after a failure. */
    NODEMASK(false),
    /** utimensat's two struct timespec (UTIME_NOW, UTIME_OMIT, or a time with its date), UTIMES_TIMES utimes' two timevals. */
    UTIMENS_TIMES(false), UTIMES_TIMES(false),
    /** utime's struct utimbuf. */
    UTIMBUF(false),
    /** sigaltstack's stack_t; STACK_OUT is the old one, printed at exit. */
    STACK(false),
    /** personality's execution domain and flags ({@code PER_LINUX|ADDR_NO_RANDOMIZE}), 0xffffffff (a query) in hex. */
    PERSONALITY(false),
    /** mknod's mode with its file type ({@code S_IFIFO|0600}); MKNOD_DEV its device, only for S_IFCHR and S_IFBLK. */
    FILE_MODE(false), MKNOD_DEV(false),
    /** System V IPC's key (IPC_PRIVATE or hex), and the *get calls' flags with the mode; SHM_GET_FLAGS is shmget's. */
    IPC_KEY(false), IPC_GET_FLAGS(false), SHM_GET_FLAGS(false),
    /** sendmsg's struct msghdr; MSGHDR_OUT is recvmsg's, printed at exit. */
    MSGHDR(false),
    /** epoll_ctl's struct epoll_event, or only its address for EPOLL_CTL_DEL. */
    EPOLL_EVENT(false),
    /** A siginfo_t the call reads (rt_sigqueueinfo). */
    SIGINFO(false),
    /** An iovec array the call reads (writev); its element count is the next argument. */
    IOVEC(false),
    /** select's fd_set, {@code [3 4]}; its size in bits is argument 0. */
    FDSET(false),
    /** pselect6's last argument, a struct of a signal set's address and size: {@code {sigmask=[USR1], sigsetsize=8}}. */
    PSELECT_SIGMASK(false),
    /** A signal set the call reads whose size is the next argument (ppoll, signalfd4). */
    SIGSET_SIZED(false),
    /** An argument strace does not show (preadv2's high half of the offset, which x86_64 ignores). */
    SKIPPED(false),
    /** struct itimerspec, read by the call (timer_settime's new value). */
    ITIMERSPEC(false),
    /** struct sigevent (timer_create). */
    SIGEVENT(false),
    /** struct sched_param, which strace 6.1 prints as {@code [0]}. */
    SCHED_PARAM(false),
    /** An I/O priority: {@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)}. */
    IOPRIO(false),
    /** kcmp's type, and the two indexes as that type uses them. */
    KCMP_TYPE(false),
    /** mount's filesystem type, flags and data; the flags decide whether type and data are strings. */
    MOUNT_TYPE(false), MOUNT_FLAGS(false), MOUNT_DATA(false),
    /** capget/capset's header, and capset's data sets. */
    CAP_HEADER(false), CAP_DATA(false),
    /** statx's flags: the AT_STATX_* sync type, then AT_* flags. */
    STATX_FLAGS(false),
    MSGHDR_OUT(true), STACK_OUT(true),
    /** sendmmsg's vector of struct mmsghdr, printed at exit with the msg_len of those sent; its length is next. */
    MMSGHDR_OUT(true),
    RUSAGE_OUT(true), ITIMERVAL_OUT(true),
    /** times' struct tms: four clock_t values with strace's seconds comments. */
    TMS_OUT(true),
    /** get_mempolicy's mode, {@code [MPOL_DEFAULT]}. */
    MPOL_MODE_OUT(true),
    /** The struct epoll_event array epoll_wait fills: as many as it returned. */
    EPOLL_EVENTS_OUT(true),
    /** fcntl's struct flock or f_owner_ex filled by F_GETLK, F_OFD_GETLK and F_GETOWN_EX; nothing for other commands. */
    FCNTL_OUT(true),
    /** A buffer the call fills; printed at exit with the returned length. */
    OUTBUF(true),
    /** getxattr's value, without its trailing NUL; XATTR_LIST_OUT listxattr's names (an address when the size is 0). */
    XATTR_VALUE_OUT(true), XATTR_LIST_OUT(true),
    /** A path the call fills (getcwd). */
    OUTPATH(true),
    STAT_OUT(true), PIPEFDS_OUT(true), WAIT_STATUS_OUT(true), SIGSET_OUT(true), SIGACTION_OUT(true),
    /** An address the call may write through, shown only as an address, but after the call as strace does. */
    PTR_OUT(true),
    /** clone's parent_tid, tls and child_tidptr, which strace prints at exit when the flags use them. */
    CLONE_TIDS(true),
    /** clone3's struct clone_args, printed at entry. */
    CLONE3_ARGS(false),
    /** clone3's " => {parent_tid=[N]}" at exit (when the flags ask the kernel to write it), then its size. */
    CLONE3_TAIL(true),
    RLIMIT_OUT(true), TIMESPEC_OUT(true),
    /**
     * nanosleep's remaining time: written only when a signal interrupted the sleep, so shown only then (an
     * ERESTART* result), otherwise its address, as strace prints it. CLOCK_SLEEP_REMAINING is clock_nanosleep's,
     * which is also only an address when the flags (argument 1) are not 0 (TIMER_ABSTIME leaves it alone).
     */
    SLEEP_REMAINING(true), CLOCK_SLEEP_REMAINING(true),
    /** getrandom's buffer: the returned length, every byte in \x hex. */
    RANDOM_OUT(true),
    /** getdents64's buffer, abbreviated to its entry count. */
    DIRENTS_OUT(true),
    UNAME_OUT(true),
    /** An iovec array the call fills (readv): the data shown is bounded by the returned length. */
    IOVEC_OUT(true),
    STATX_OUT(true), TIMEVAL_OUT(true), SIGINFO_OUT(true), STATFS_OUT(true), SYSINFO_OUT(true),
    /** A CPU set the call fills (sched_getaffinity): as many bytes as it returned. */
    CPUSET_OUT(true),
    /** getgroups' list: as many entries as the call returned. */
    GROUPS_OUT(true),
    /** A socket address the call fills (accept, getsockname, recvfrom); its length pointer is the next argument. */
    SOCKADDR_OUT(true),
    /** An in/out socklen_t: {@code [16]}, or {@code [28 => 16]} when the call changed it. */
    SOCKLEN_INOUT(true),
    /** prctl's option with the arguments it uses; PRCTL_OUT is what a PR_GET_* option reads back at exit. */
    PRCTL_OUT(true),
    /** ioctl's argument as its request uses it: an int, a winsize, nothing, or hex. Printed at exit. */
    IOCTL_ARG(true),
    /** getsockopt's value, read back after the call with the length the call wrote. */
    SOCKOPT_VALUE_OUT(true),
    /** struct itimerspec written by the call (timerfd_gettime, the old value of timer_settime). */
    ITIMERSPEC_OUT(true),
    SCHED_PARAM_OUT(true),
    /** capget's data sets, read back with the version in the header. */
    CAP_DATA_OUT(true),
    /** An address the call writes through a pointer: {@code [0x7f...]} (get_robust_list's head). */
    ADDR_OUT(true),
    /** An unsigned long the call writes: {@code [24]}. */
    ULONG_OUT(true),
    /** One id written by the call, shown as {@code [0]} (getresuid); also getsockopt's length. */
    ID_OUT(true);

    private final boolean atExit;

    ArgKind(boolean atExit) { this.atExit = atExit; }

    /** True when the value exists only after the call ran, so it is printed at the exit stop. */
    public boolean atExit() { return atExit; }

    /** The kind the table spells {@code token}. */
    static ArgKind fromToken(String token) {
        if (token.startsWith("@")) return FLAGS;
        return token.equals("x") ? UNDECODED : valueOf(token.toUpperCase(Locale.ROOT));
    }
}
