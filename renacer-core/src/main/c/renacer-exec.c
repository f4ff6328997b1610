/*
 * renacer's launch trampoline. renacer posix_spawn()s it as
 *     renacer-exec PATH ARGV0 ARGS...
 * It stops itself so that renacer can PTRACE_SEIZE it, then execs PATH with argv = ARGV0 ARGS...
 * and exactly the environment it received. renacer hides everything before that execve, so the
 * trace starts, as strace's does, with the target's own execve.
 * If the execve fails it exits with 127 and says nothing: renacer reports the failure itself.
 */
#include <signal.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    if (argc < 3)
        return 127;
    raise(SIGSTOP);
    execve(argv[1], &argv[2], environ);
    _exit(127);
}
