/*
 * renacer's launch trampoline. renacer posix_spawn()s it (from a sealed memfd, never from a file
 * another user could replace) as
 *     renacer-exec [-k FDS] [-c FDS] [-i MASK] [-b MASK] [-u UID:GID:NAME] [-n 1] [-s BPF] [-P PID] -- PATH ARGV0 ARGS...
 *     renacer-exec [-k FDS] -d LEVEL -- PATH ARGV0 ARGS...
 * and it gives the target the process state it would have had untraced, stops itself so that
 * renacer can PTRACE_SEIZE it, then execs PATH with argv = ARGV0 ARGS... and exactly the
 * environment it received. renacer hides everything before that execve, so the trace starts, as
 * strace's does, with the target's own execve. If the execve fails it exits with 127 and says
 * nothing: renacer reports the failure itself.
 *
 *  -k FDS   descriptors above 2 to leave open, comma-separated: those renacer itself inherited (the
 *           renacer launcher lists them), so that `renacer -- cmd 3<file` works as with strace. Every
 *           other descriptor above 2 is closed: the JVM leaves dozens open without O_CLOEXEC
 *           (measured: the first openat of a traced program returned 70 instead of strace's 3).
 *  -c FDS   standard descriptors (0-2) to close: renacer was started with them closed and the
 *           launcher filled them with placeholders so the JVM would not take them (strace does the
 *           same with its ensure_standard_fds_opened); untraced, the command sees them closed.
 *  -i MASK  the signals renacer's caller had ignored, as /proc/PID/status prints SigIgn (hex, bit
 *           N-1 for signal N): those are ignored, every other signal gets its default action. The
 *           JVM installs handlers (SIGPIPE, ...) that would otherwise hide what the caller ignored.
 *  -b MASK  the caller's blocked mask (SigBlk), set before the execve.
 *  -u UID:GID:NAME  run PATH as user NAME (-u of strace, renacer being root), in strace's order:
 *           initgroups(NAME, GID), setregid(GID, EGID), setreuid(UID, EUID), where EUID and EGID are
 *           PATH's owner and group when it is set-user-ID or set-group-ID, UID and GID otherwise.
 *           Done before the stop, as strace does it before its child stops; a step that fails
 *           ends the trampoline with 128 + 32 * step + errno (errno up to 31), which renacer reports.
 *  -s BPF   a seccomp filter to install just before the execve, when renacer is tracing already (so that no call
 *           of ours meets its SECCOMP_RET_TRACE untraced, which would fail it with ENOSYS): BPF is the program's
 *           struct sock_filter array in hex, as renacer's SeccompProgram writes it. Installed as strace's
 *           init_seccomp_filter does (PR_SET_NO_NEW_PRIVS only when the kernel asks for it: EACCES without
 *           CAP_SYS_ADMIN). If it cannot be installed the target runs without it: renacer notices, because it
 *           then sees no seccomp stop, and keeps stopping at every call.
 *  -P PID   renacer's pid: until the execve this process dies with the renacer thread that started it
 *           (PR_SET_PDEATHSIG, SIGKILL, set again after -u's user change, which clears it), and exits at
 *           once if its parent is no longer PID (renacer died before that). Without it a renacer killed
 *           between the spawn and its PTRACE_SEIZE (after which PTRACE_O_EXITKILL takes over) left this
 *           process stopped, untraced and orphaned for ever. Cleared just before the execve: the target
 *           never inherits it.
 *  -n 1     do not stop: the process is traced already (renacer -D, where the command is renacer's
 *           own process, seized by the tracer it started, and this is exec'd in its place).
 *  -d LEVEL start PATH as renacer -D's tracer, a grandchild of renacer: fork; the child (in a new
 *           process group for LEVEL 2, a new session for 3) execs PATH; this process waits until the
 *           tracer has seized renacer and kills it (SIGKILL: seized; anything else: it could not),
 *           which renacer waits for before it execs the command. It dies with renacer, too.
 * Without -i, real-time signals (32..64) the JVM ignored get their default back and 1..31 keep what
 * renacer has; without -b the mask is emptied (the JVM thread that spawns us blocks SIGQUIT).
 */
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/stat.h>
#include <string.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

extern char **environ;

#define MAX_KEEP 256
#define NSIG_KERNEL 64

static int kept(unsigned long fd, const unsigned int *keep, int n)
{
    for (int i = 0; i < n; i++)
        if (keep[i] == fd)
            return 1;
    return 0;
}

/* Parses "3,7,10" into fds[] (those in min..max), sorted and without duplicates; parsing stops at junk. */
static int parse_fds(const char *spec, unsigned int *fds, unsigned long min, unsigned long max)
{
    int n = 0;
    const char *p = spec;
    while (n < MAX_KEEP) {
        char *end;
        unsigned long fd = strtoul(p, &end, 10);
        if (end == p)
            break;
        if (fd >= min && fd <= max && !kept(fd, fds, n)) {
            int i = n++;
            for (; i > 0 && fds[i - 1] > fd; i--)
                fds[i] = fds[i - 1];
            fds[i] = (unsigned int)fd;
        }
        if (*end != ',')
            break;
        p = end + 1;
    }
    return n;
}

/* Closes every descriptor above 2 but those in keep[] (sorted). */
static void close_above_stderr(const unsigned int *keep, int n)
{
    unsigned int from = 3;
    int ok = 1;
    for (int i = 0; i < n && ok; i++) {
        if (keep[i] > from)
            ok = syscall(SYS_close_range, from, keep[i] - 1, 0U) == 0;
        from = keep[i] + 1;
    }
    if (ok && syscall(SYS_close_range, from, ~0U, 0U) == 0)
        return;
    /* kernels before 5.9: walk /proc/self/fd */
    DIR *dir = opendir("/proc/self/fd");
    if (dir == NULL)
        return;
    int self = dirfd(dir);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        int fd = atoi(entry->d_name);
        if (fd > 2 && fd != self && !kept((unsigned long)fd, keep, n))
            close(fd);
    }
    closedir(dir);
}

/* The kernel's struct sigaction for rt_sigaction(2): glibc's sigaction() refuses signals 32 and 33. */
struct kernel_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    unsigned long mask;
};

static void set_disposition(int sig, void *handler)
{
    struct kernel_sigaction action;
    memset(&action, 0, sizeof action);
    action.handler = handler;
    syscall(SYS_rt_sigaction, sig, &action, NULL, 8);
}

/* With the caller's ignored set: exactly those ignored, all others default (handlers die at execve anyway). */
static void set_ignored(unsigned long ignored)
{
    for (int sig = 1; sig <= NSIG_KERNEL; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP)
            continue;
        set_disposition(sig, (ignored >> (sig - 1)) & 1 ? (void *)SIG_IGN : (void *)SIG_DFL);
    }
}

/* Without it: real-time signals the JVM ignored get their default back, 1..31 stay as inherited. */
static void reset_realtime_signals(void)
{
    for (int sig = 32; sig <= NSIG_KERNEL; sig++) {
        struct kernel_sigaction old;
        if (syscall(SYS_rt_sigaction, sig, NULL, &old, 8) == 0 && old.handler == (void *)SIG_IGN)
            set_disposition(sig, (void *)SIG_DFL);
    }
}

/* "UID:GID:NAME" (NAME last: a user name has no ':' but may be anything else). */
static int parse_user(char *spec, uid_t *uid, gid_t *gid, const char **name)
{
    char *end;
    unsigned long u = strtoul(spec, &end, 10);
    if (end == spec || *end != ':')
        return 0;
    char *g_at = end + 1;
    unsigned long g = strtoul(g_at, &end, 10);
    if (end == g_at || *end != ':' || end[1] == '\0')
        return 0;
    *uid = (uid_t)u;
    *gid = (gid_t)g;
    *name = end + 1;
    return 1;
}

static int step_failed(int step)
{
    int e = errno < 31 ? errno : 31;
    return 128 + 32 * step + e;
}

/* strace's exec_or_die for -u: groups first, while still privileged, then the group, then the user. */
static int become_user(const char *path, uid_t uid, gid_t gid, const char *name)
{
    uid_t euid = uid;
    gid_t egid = gid;
    struct stat st;
    if (stat(path, &st) == 0) {
        if (st.st_mode & S_ISUID)
            euid = st.st_uid;
        if (st.st_mode & S_ISGID)
            egid = st.st_gid;
    }
    if (initgroups(name, gid) < 0)
        return step_failed(0);
    if (setregid(gid, egid) < 0)
        return step_failed(1);
    if (setreuid(uid, euid) < 0)
        return step_failed(2);
    return 0;
}

#define MAX_FILTER 4096

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* -s: the hex of a struct sock_filter array (little-endian, as the kernel reads it on x86_64) into filter[]. */
static int parse_filter(const char *hex, struct sock_filter *filter)
{
    size_t len = strlen(hex);
    if (len == 0 || len % (2 * sizeof *filter) != 0 || len / (2 * sizeof *filter) > MAX_FILTER)
        return -1;
    unsigned char *bytes = (unsigned char *)filter;
    for (size_t i = 0; i < len; i += 2) {
        int high = hex_digit(hex[i]), low = hex_digit(hex[i + 1]);
        if (high < 0 || low < 0)
            return -1;
        bytes[i / 2] = (unsigned char)(high << 4 | low);
    }
    return (int)(len / (2 * sizeof *filter));
}

static void install_filter(struct sock_filter *filter, int length)
{
    struct sock_fprog program = { .len = (unsigned short)length, .filter = filter };
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0 || errno != EACCES)
        return;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program);
}

static int parse_mask(const char *text, unsigned long *mask)
{
    char *end;
    *mask = strtoul(text, &end, 16);
    return *text != '\0' && *end == '\0';
}

/* -d: the tracer as a grandchild, this process waiting to be killed by it once renacer is seized. */
static int start_daemon(int level, char *path, char **target_argv, const unsigned int *keep, int nkeep)
{
    close_above_stderr(keep, nkeep);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    unsigned long none = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
    pid_t tracer = fork();
    if (tracer < 0)
        return 126;
    if (tracer == 0) {
        prctl(PR_SET_PDEATHSIG, 0);
        if (level == 2)
            setpgid(0, 0);
        else if (level >= 3)
            setsid();
        execve(path, target_argv, environ);
        _exit(127);
    }
    for (;;)
        pause();
}

int main(int argc, char **argv)
{
    unsigned int keep[MAX_KEEP + 1];
    unsigned int close_std[MAX_KEEP + 1];
    int nkeep = 0, nclose = 0, have_ignored = 0, have_user = 0, traced_already = 0, daemon_level = 0;
    long parent = 0;
    uid_t run_uid = 0;
    gid_t run_gid = 0;
    const char *run_name = NULL;
    unsigned long ignored = 0, blocked = 0;
    static struct sock_filter filter[MAX_FILTER];
    int filter_length = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0' && argv[i][2] == '\0'; i += 2) {
        char option = argv[i][1];
        if (option == '-')
            break;
        if (i + 1 >= argc)
            return 127;
        const char *value = argv[i + 1];
        switch (option) {
        case 'k': nkeep = parse_fds(value, keep, 3, 0x7ffffffeUL); break;
        case 'c': nclose = parse_fds(value, close_std, 0, 2); break;
        case 'i': if (!parse_mask(value, &ignored)) return 127; have_ignored = 1; break;
        case 'b': if (!parse_mask(value, &blocked)) return 127; break;
        case 'u': if (!parse_user(argv[i + 1], &run_uid, &run_gid, &run_name)) return 127; have_user = 1; break;
        case 'n': traced_already = 1; break;
        case 's': filter_length = parse_filter(value, filter); if (filter_length < 0) return 127; break;
        case 'd': daemon_level = atoi(value); if (daemon_level < 1) return 127; break;
        case 'P': parent = strtol(value, NULL, 10); if (parent < 1) return 127; break;
        default: return 127;
        }
    }
    /* after "--": PATH ARGV0 [ARGS...] */
    if (i >= argc || strcmp(argv[i], "--") != 0 || i + 2 >= argc)
        return 127;
    char *path = argv[i + 1];
    char **target_argv = &argv[i + 2];

    if (daemon_level)
        return start_daemon(daemon_level, path, target_argv, keep, nkeep);
    close_above_stderr(keep, nkeep);
    for (int j = 0; j < nclose; j++)
        close((int)close_std[j]);
    if (have_ignored)
        set_ignored(ignored);
    else
        reset_realtime_signals();
    if (have_user) {
        int failed = become_user(path, run_uid, run_gid, run_name);
        if (failed)
            return failed;
    }
    if (parent) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != (pid_t)parent)
            _exit(127); /* renacer is gone already: nobody would ever let this process go */
    }
    /* stopped with nothing blocked, so renacer's SIGCONT is consumed here, not left pending for the target */
    unsigned long none = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
    if (!traced_already)
        raise(SIGSTOP);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &blocked, NULL, 8);
    if (parent)
        prctl(PR_SET_PDEATHSIG, 0); /* traced now, with PTRACE_O_EXITKILL (or let go under eBPF): not the target's */
    if (filter_length > 0)
        install_filter(filter, filter_length);
    execve(path, target_argv, environ);
    _exit(127);
}
