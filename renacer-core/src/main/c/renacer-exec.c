/*
 * renacer's launch trampoline. renacer posix_spawn()s it as
 *     renacer-exec PATH ARGV0 ARGS...
 * It closes every descriptor above 2 (the JVM leaves dozens open without O_CLOEXEC; measured: the
 * first openat of a traced program returned 70 instead of strace's 3), stops itself so that renacer
 * can PTRACE_SEIZE it, then execs PATH with argv = ARGV0 ARGS... and exactly the environment it
 * received. renacer hides everything before that execve, so the trace starts, as strace's does,
 * with the target's own execve.
 * If the execve fails it exits with 127 and says nothing: renacer reports the failure itself.
 */
#include <dirent.h>
#include <signal.h>
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

int main(int argc, char **argv)
{
    if (argc < 3)
        return 127;
    close_above_stderr();
    raise(SIGSTOP);
    execve(argv[1], &argv[2], environ);
    _exit(127);
}
