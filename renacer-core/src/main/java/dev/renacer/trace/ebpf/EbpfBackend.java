package dev.renacer.trace.ebpf;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.LibC;
import dev.renacer.trace.Argv;
import dev.renacer.trace.ProcFs;
import dev.renacer.trace.StoppedCommand;
import dev.renacer.trace.TraceBackend;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import dev.renacer.trace.TracerThread;

import java.time.Instant;
import java.util.List;

/**
 * --backend ebpf: loads the BPF programs, follows the launched command (held stopped by the trampoline
 * until the programs are attached and its pid is in the followed set) or the attached processes (never
 * stopped), and consumes the ring buffer on a thread of its own until every followed task has ended or
 * a detach is requested. At the end the per-CPU counts go to the listener, then the losses, then
 * onFinish; the programs are detached and every map and link closed (the kernel would release them
 * anyway if renacer died: they are file descriptors).
 */
public final class EbpfBackend implements TraceBackend {
    private static final int SIGCONT = 18;

    private final Tracer.Config config;
    /** The first {@link #requestDetach}'s signal: -1 for one without a signal, 0 while none was asked. */
    private volatile int interruptSignal;

    public EbpfBackend(Tracer.Config config) {
        this.config = config;
    }

    @Override
    public TraceResult launch(Argv command) throws TraceException {
        return inSession(s -> {
            int pid = StoppedCommand.spawn(command, config.launch());
            try {
                s.follow(pid, Records.TASK_HIDDEN);
            } catch (TraceException e) {
                LibC.kill(pid, 9);
                reap(pid);
                throw e;
            }
            s.dispatcher.launched(pid, command.text());
            LibC.kill(pid, SIGCONT);
            s.consume(() -> interruptSignal != 0);
            if (interruptSignal != 0 && !s.dispatcher.done()) {
                // strace's cleanup(): the command, our child and not yet reaped (so its pid is still its
                // own), gets SIGCONT and the signal; the programs let go of it and renacer returns
                int signal = Math.max(interruptSignal, 0);
                if (signal > 0) {
                    LibC.kill(pid, SIGCONT);
                    LibC.kill(pid, signal);
                }
                letGo(s, List.of(pid));
                s.finish(false);
                return new TraceResult(signal > 0 ? 128 + signal : 0, true, 0, signal);
            }
            s.finish(false);
            int status = reap(pid);
            if (s.dispatcher.rootNeverRan()) {
                int errno = s.dispatcher.failedExecErrno();
                config.diagnostics().println("renacer: exec: " + command.text().get(0) + ": "
                        + (errno != 0 ? CheckedLibC.strerror(errno) : "it ended before its execve"));
                return new TraceResult(1, false, 0, 0);
            }
            int fromRecords = s.dispatcher.rootExitStatus();
            int exitStatus = status >= 0 ? status : Math.max(fromRecords, 0);
            int killedBy = status >= 0 && (lastWaitStatus & 0x7f) != 0 ? lastWaitStatus & 0x7f : 0;
            return new TraceResult(exitStatus, false, killedBy, 0);
        });
    }

    @Override
    public TraceResult attach(List<Integer> pids) throws TraceException {
        return inSession(s -> {
            int attached = 0;
            for (int pid : pids) {
                boolean any = false;
                List<Integer> tids = ProcFs.tasksToFollow(pid, config.followForks());
                for (int tid : tids) {
                    try {
                        s.follow(tid, 0);
                    } catch (TraceException e) {
                        if (tid == pid) config.diagnostics().println("renacer: attach: " + e.getMessage());
                        continue;
                    }
                    int tgid = ProcFs.statusField(tid, "Tgid");
                    s.dispatcher.attached(tid, tgid > 0 ? tgid : pid, !any);
                    if (!any) config.diagnostics().println("renacer: Process " + pid + " attached");
                    any = true;
                }
                if (any) attached++;
            }
            if (attached == 0) {
                s.finish(true);
                throw new TraceException("no process could be attached");
            }
            s.consume(() -> interruptSignal != 0);
            boolean detached = interruptSignal != 0 && !s.dispatcher.done();
            if (detached) letGo(s, s.dispatcher.attachedPids());
            s.finish(false);
            return new TraceResult(0, detached, 0, Math.max(interruptSignal, 0));
        });
    }

    /** The programs stop following {@code pids}: what is left in the ring is read, and each is said to be detached. */
    private void letGo(EbpfSession s, List<Integer> pids) {
        s.programs.detach();
        s.drain();
        for (int pid : pids) {
            config.diagnostics().println("renacer: Process " + pid + " detached");
            config.listener().onDetach(pid);
        }
    }

    private interface SessionBody {
        TraceResult run(EbpfSession session) throws TraceException;
    }

    /** On the consumer thread: the checks, the programs loaded and attached, {@code body}, everything closed. */
    private TraceResult inSession(SessionBody body) throws TraceException {
        return TracerThread.run("renacer-ebpf", () -> {
            Preflight.check();
            try (EbpfSession s = new EbpfSession(config, epochOffset())) {
                s.programs.attach();
                TraceResult result = body.run(s);
                // No stops and no ptrace or waitpid calls: the work is the syscalls the kernel counted.
                return result.withCounters(new TraceResult.Counters(0, 0, 0, s.counts.totalCalls()));
            }
        });
    }

    @Override
    public void requestDetach(int signal) {
        if (interruptSignal == 0) interruptSignal = signal == 0 ? -1 : signal;
    }

    private static long epochOffset() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    /** The raw wait status {@link #reap} last got (tracer thread only). */
    private int lastWaitStatus;

    /** Waits for the launched command's end; its status as a shell reports it, -1 if it could not be had. */
    private int reap(int pid) {
        IntByReference status = new IntByReference();
        try {
            CheckedLibC.waitpid(pid, status, 0);
        } catch (LastErrorException e) {
            return -1;
        }
        int st = status.getValue();
        lastWaitStatus = st;
        int sig = st & 0x7f;
        return sig == 0 ? (st >> 8) & 0xff : 128 + sig;
    }

}
