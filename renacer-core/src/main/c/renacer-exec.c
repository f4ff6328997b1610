/*
 * renacer's launch trampoline. renacer posix_spawn()s it as
 *     renacer-exec KEEP PATH ARGV0 ARGS...
 * KEEP is "-" or a comma-separated list of descriptors above 2 to leave open: those renacer itself
 * inherited (the renacer launcher lists them), so that `renacer -- cmd 3<file` works as with strace.
 * It gives the target the signal state it would have had untraced: the JVM thread that spawns it
 * blocks SIGQUIT and ignores glibc's reserved signals 32 and 33, and both survive execve (measured in
 * /proc/PID/status: SigBlk 4, SigIgn 180000000 under renacer, 0 and 0 under strace). So the mask is
 * emptied and real-time signals (32..64, which no shell ignores) get their default action back;
 * signals 1..31 keep what renacer inherited (nohup's ignored SIGHUP passes through, as with strace).
 * It closes every other descriptor above 2 (the JVM leaves dozens open without O_CLOEXEC; measured: the
 * first openat of a traced program returned 70 instead of strace's 3), stops itself so that renacer
 * can PTRACE_SEIZE it, then execs PATH with argv = ARGV0 ARGS... and exactly the environment it
 * received. renacer hides everything before that execve, so the trace starts, as strace's does,
 * with the target's own execve.
 * If the execve fails it exits with 127 and says nothing: renacer reports the failure itself.
 */
#include <dirent.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

extern char **environ;

#define MAX_KEEP 256

static int kept(unsigned long fd, const unsigned int *keep, int n)
{
    for (int i = 0; i < n; i++)
        if (keep[i] == fd)
            return 1;
    return 0;
}

/* Parses "3,7,10" into keep[], sorted and without duplicates; "-" keeps nothing, parsing stops at junk. */
static int parse_keep(const char *spec, unsigned int *keep)
{
    int n = 0;
    const char *p = spec;
    while (n < MAX_KEEP) {
        char *end;
        unsigned long fd = strtoul(p, &end, 10);
        if (end == p)
            break;
        if (fd > 2 && fd < 0x7fffffffUL && !kept(fd, keep, n)) {
            int i = n++;
            for (; i > 0 && keep[i - 1] > fd; i--)
                keep[i] = keep[i - 1];
            keep[i] = (unsigned int)fd;
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

static void reset_signals(void)
{
    for (int sig = 32; sig <= 64; sig++) {
        struct kernel_sigaction old;
        if (syscall(SYS_rt_sigaction, sig, NULL, &old, 8) == 0 && old.handler == (void *)SIG_IGN) {
            struct kernel_sigaction dfl;
            memset(&dfl, 0, sizeof dfl);
            dfl.handler = (void *)SIG_DFL;
            syscall(SYS_rt_sigaction, sig, &dfl, NULL, 8);
        }
    }
    unsigned long empty = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &empty, NULL, 8);
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return 127;
    unsigned int keep[MAX_KEEP + 1];
    close_above_stderr(keep, parse_keep(argv[1], keep));
    reset_signals();
    raise(SIGSTOP);
    execve(argv[2], &argv[3], environ);
    _exit(127);
}
