package dev.renacer.cli;

import com.sun.jna.LastErrorException;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.SignalLibrary;
import dev.renacer.trace.Tracer;

import java.io.IOException;

/**
 * renacer's own signals, as strace handles them (strace.c's init): SIGTTOU and SIGTTIN ignored, and
 * the fatal ones (SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM) by {@link Interruptibility}: interrupt
 * the trace ({@link Tracer#requestDetach}: the launched command gets the signal, every tracee is let go,
 * and renacer then dies by it), be ignored, or keep their default action.
 *
 * <p>The handlers are native ({@link SignalLibrary}): HotSpot refuses Java handlers for SIGQUIT and for
 * a signal that was ignored when it started, where strace installs its handler anyway. Each handler
 * writes the signal's number to a pipe that a Java thread reads; the JVM's shutdown hooks do not run
 * on these signals.
 */
final class SignalHandling {
    static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGPIPE = 13, SIGTERM = 15, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22;
    private static final int[] FATAL = {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM};
    /**
     * What interrupts under -I2: strace's fatal signals but SIGPIPE, which renacer ignores there. A broken
     * output pipe ({@code renacer ... | head}) must stop the output, not the trace (strace would then
     * detach, and kill its command with SIGPIPE); the write fails with EPIPE and the output says so.
     */
    private static final int[] INTERRUPTING = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    private static final int O_CLOEXEC = 02000000, O_NONBLOCK = 04000;

    private SignalHandling() {}

    /** Installs the handling {@code mode} asks for; interrupts reach {@code tracer}. */
    static void install(Interruptibility mode, Tracer tracer) throws IOException {
        SignalLibrary.load();
        SignalLibrary.renacer_set_disposition(SIGTTOU, 1);
        SignalLibrary.renacer_set_disposition(SIGTTIN, 1);
        switch (mode) {
            case ANYWHERE -> {
                for (int sig : FATAL) SignalLibrary.renacer_set_disposition(sig, 0);
            }
            case WAITING -> {
                catchInto(tracer);
                SignalLibrary.renacer_set_disposition(SIGPIPE, 1);
            }
            case NEVER, NEVER_TSTP -> {
                for (int sig : FATAL) SignalLibrary.renacer_set_disposition(sig, 1);
                if (mode == Interruptibility.NEVER_TSTP) SignalLibrary.renacer_set_disposition(SIGTSTP, 1);
            }
        }
    }

    private static void catchInto(Tracer tracer) throws IOException {
        int[] pipe = new int[2];
        try {
            CheckedLibC.pipe2(pipe, O_CLOEXEC);
            // only the write end is non-blocking: a handler never blocks, the reader waits
            CheckedLibC.fcntl(pipe[1], 4 /* F_SETFL */, O_NONBLOCK);
        } catch (LastErrorException e) {
            throw new IOException("cannot set up signal handling: " + CheckedLibC.strerror(e.getErrorCode()));
        }
        for (int sig : INTERRUPTING) {
            if (SignalLibrary.renacer_catch_signal(sig, pipe[1]) != 0) throw new IOException("cannot handle signal " + sig);
        }
        Thread reader = new Thread(() -> {
            byte[] number = new byte[1];
            while (true) {
                try {
                    if (CheckedLibC.read(pipe[0], number, 1) == 1) tracer.requestDetach(number[0] & 0xff);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != 4) return; // EINTR: read again
                }
            }
        }, "renacer-signals");
        reader.setDaemon(true);
        reader.start();
    }

    /** Dies by {@code signal}, without a core file, as strace does; returns only if that failed. */
    static void dieBy(int signal) {
        try {
            SignalLibrary.load();
            SignalLibrary.renacer_die_by(signal);
            Thread.sleep(1000); // the signal is on its way to this process
        } catch (IOException | RuntimeException | InterruptedException e) {
            // fall back to the exit status a shell would show
        }
    }
}
