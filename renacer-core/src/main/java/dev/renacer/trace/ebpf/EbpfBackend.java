package dev.renacer.trace.ebpf;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.LibC;
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
    private volatile boolean detachRequested;
    private volatile int launchedPid;

    public EbpfBackend(Tracer.Config config) {
        this.config = config;
    }

    @Override
    public TraceResult launch(List<String> command) throws TraceException {
        return inSession(s -> {
            int pid = StoppedCommand.spawn(command, config.passDescriptors(), config.environmentOrder());
            try {
                s.follow(pid, Records.TASK_HIDDEN);
            } catch (TraceException e) {
                LibC.kill(pid, 9);
                reap(pid);
                throw e;
            }
            s.dispatcher.launched(pid, command);
            launchedPid = pid;
            LibC.kill(pid, SIGCONT);
            s.consume(() -> false);
            s.finish(false);
            int status = reap(pid);
            launchedPid = 0;
            if (s.dispatcher.rootNeverRan()) {
                int errno = s.dispatcher.failedExecErrno();
                config.diagnostics().println("renacer: exec: " + command.get(0) + ": "
                        + (errno != 0 ? CheckedLibC.INSTANCE.strerror(errno) : "it ended before its execve"));
                return new TraceResult(1, false);
            }
            int fromRecords = s.dispatcher.rootExitStatus();
            return new TraceResult(status >= 0 ? status : Math.max(fromRecords, 0), false);
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
            s.consume(() -> detachRequested);
            boolean detached = detachRequested && !s.dispatcher.done();
            if (detached) {
                s.programs.detach();
                s.drain();
                for (int pid : s.dispatcher.attachedPids()) {
                    config.diagnostics().println("renacer: Process " + pid + " detached");
                    config.listener().onDetach(pid);
                }
            }
            s.finish(false);
            return new TraceResult(0, detached);
        });
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
                return body.run(s);
            }
        });
    }

    @Override
    public void requestDetach(int signal) {
        int pid = launchedPid;
        if (pid > 0) {
            if (signal != 0) LibC.kill(pid, signal);
            return;
        }
        detachRequested = true;
    }

    private static long epochOffset() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    /** Waits for the launched command's end; its status as a shell reports it, -1 if it could not be had. */
    private static int reap(int pid) {
        IntByReference status = new IntByReference();
        try {
            CheckedLibC.INSTANCE.waitpid(pid, status, 0);
        } catch (LastErrorException e) {
            return -1;
        }
        int st = status.getValue();
        int sig = st & 0x7f;
        return sig == 0 ? (st >> 8) & 0xff : 128 + sig;
    }

}
