/*
 * renacer's signal handling, as strace's: handlers that the JVM would refuse or bypass. HotSpot will
 * not let Java code handle SIGQUIT (its thread-dump signal) nor a SIGINT, SIGTERM or SIGHUP that was
 * ignored when the JVM started (a script's background job, nohup), yet strace handles all of them
 * (-I2) or ignores them (-I3, -I4). A handler here only writes the signal's number to a pipe, which a
 * Java thread reads: nothing but write(2) runs in signal context. Loaded from a sealed memfd.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static volatile int notify_fd = -1;

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char number = (unsigned char)sig;
    ssize_t ignored = write(notify_fd, &number, 1); /* non-blocking: a full pipe drops, never blocks */
    (void)ignored;
    errno = saved;
}

/* Signals sig from now on by writing its number to fd (the write end of a non-blocking pipe). */
int renacer_catch_signal(int sig, int fd)
{
    notify_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(sig, &action, NULL);
}

/* SIG_IGN (ignore != 0) or SIG_DFL for sig. */
int renacer_set_disposition(int sig, int ignore)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ignore ? SIG_IGN : SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, NULL);
}

/*
 * Dies by sig, as the traced command did, so that renacer's parent sees what it would have seen
 * untraced (strace does the same), without a core file of renacer's own. Returns only if it did not die.
 */
int renacer_die_by(int sig)
{
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    renacer_set_disposition(sig, 0);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), sig);
    return -1;
}
