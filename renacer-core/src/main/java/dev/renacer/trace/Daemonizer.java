package dev.renacer.trace;

import com.sun.jna.LastErrorException;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.Environ;
import dev.renacer.linux.LibC;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static dev.renacer.linux.Ptrace.*;

/**
 * strace -D in a JVM, in the renacer process the user started: the tracer is a grandchild (another renacer,
 * reparented away), and this process becomes the command, so the command keeps the pid and the parent
 * the user's shell gave renacer, and renacer is not its parent (strace.c's startup_child with -D).
 *
 * <p>In order: the command is resolved (a missing one is reported before anything starts); any process may
 * trace this one (yama's PR_SET_PTRACER, as strace sets it); the tracer is started behind the trampoline's
 * -d and this process waits for that trampoline to be killed: SIGKILL when the tracer has seized this
 * process, SIGUSR1 when it refused its options (it said why), anything else when it could not trace; then
 * this process execs the trampoline, which execs the command without stopping.
 */
final class Daemonizer {
    private static final int PR_SET_PTRACER = 0x59616d61;
    private static final long PR_SET_PTRACER_ANY = -1;
    private static final int SIGUSR1 = 10;
    /** The tracer is a JVM: it may take a while to start on a loaded machine. */
    private static final long STARTUP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private Daemonizer() {}

    static int run(Argv command, int level, List<byte[]> tracer, LaunchSettings launch) throws TraceException {
        byte[] executable = CommandResolver.resolve(command.bytes(0), Environ.rawValue("PATH"));
        try {
            CheckedLibC.prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
        } catch (LastErrorException e) {
            // no yama: any tracer with the rights may trace this process anyway
        }
        int intermediate = Spawner.spawnDaemonTracer(tracer, level, launch.passDescriptors());
        Waiter waiter = new Waiter();
        long deadline = System.nanoTime() + STARTUP_NANOS;
        while (true) {
            int reported = waiter.next(intermediate, WNOHANG);
            if (reported == intermediate) break;
            if (reported == Waiter.NO_CHILD) throw new TraceException("-D: the tracer's trampoline is gone");
            if (System.nanoTime() - deadline > 0) {
                LibC.kill(intermediate, SIGKILL);
                waiter.reported(intermediate, 0);
                throw new TraceException("-D: the tracer did not start within " + TimeUnit.NANOSECONDS.toSeconds(STARTUP_NANOS) + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        int status = waiter.status();
        if (signaled(status) && termSignal(status) == SIGUSR1) return 2; // the tracer refused its options and said why
        if (!signaled(status) || termSignal(status) != SIGKILL) return 1; // it could not trace, and said why
        throw Spawner.execInPlace(executable, command, launch);
    }
}
