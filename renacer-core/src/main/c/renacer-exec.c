/*
 * renacer's launch trampoline. renacer posix_spawn()s it as
 *     renacer-exec PATH ARGV0 ARGS...
 * It gives the target the signal state it would have had untraced: the JVM thread that spawns it
 * blocks SIGQUIT and ignores glibc's reserved signals 32 and 33, and both survive execve (measured in
 * /proc/PID/status: SigBlk 4, SigIgn 180000000 under renacer, 0 and 0 under strace). So the mask is
 * emptied and real-time signals (32..64, which no shell ignores) get their default action back;
 * signals 1..31 keep what renacer inherited (nohup's ignored SIGHUP passes through, as with strace).
 * It closes every descriptor above 2 (the JVM leaves dozens open without O_CLOEXEC; measured: the
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

static void close_above_stderr(void)
{
    if (syscall(SYS_close_range, 3U, ~0U, 0U) == 0)
        return;
    /* kernels before 5.9: walk /proc/self/fd */
    DIR *dir = opendir("/proc/self/fd");
    if (dir == NULL)
        return;
    int self = dirfd(dir);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        int fd = atoi(entry->d_name);
        if (fd > 2 && fd != self)
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
    if (argc < 3)
        return 127;
    close_above_stderr();
    reset_signals();
    raise(SIGSTOP);
    execve(argv[1], &argv[2], environ);
    _exit(127);
}
