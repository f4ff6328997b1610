package dev.renacer.trace.ebpf;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.KernelIo;
import dev.renacer.linux.Libbpf;
import dev.renacer.linux.LibC;
import dev.renacer.trace.ProcFs;
import dev.renacer.trace.StoppedCommand;
import dev.renacer.trace.TraceBackend;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import dev.renacer.trace.TracerThread;

import java.nio.file.Files;
import java.nio.file.Path;
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
    /** How often the consumer looks at the ring when the kernel does not wake it (it wakes it only when filling). */
    private static final int POLL_MILLIS = 5;
    /** How long without records before checking for tasks whose exit record was lost. */
    private static final long IDLE_NANOS = 200_000_000L;

    private final Tracer.Config config;
    private volatile boolean detachRequested;
    private volatile int launchedPid;

    public EbpfBackend(Tracer.Config config) {
        this.config = config;
    }

    @Override
    public TraceResult launch(List<String> command) throws TraceException {
        return TracerThread.run("renacer-ebpf", () -> {
            Preflight.check();
            try (Session s = new Session(config, epochOffset())) {
                s.programs.attach();
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
            }
        });
    }

    @Override
    public TraceResult attach(List<Integer> pids) throws TraceException {
        return TracerThread.run("renacer-ebpf", () -> {
            Preflight.check();
            try (Session s = new Session(config, epochOffset())) {
                s.programs.attach();
                int attached = 0;
                for (int pid : pids) {
                    List<Integer> tids = config.followForks() ? ProcFs.threads(pid) : List.of(pid);
                    if (tids.isEmpty()) tids = List.of(pid);
                    boolean any = false;
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

    /** What the kernel sends per call: everything (decoding), durations (percentiles), or nothing (-c). */
    static int mode(Tracer.Config config) {
        return config.decode() ? Records.MODE_EVENTS : config.summaryOnly() ? Records.MODE_COUNT : Records.MODE_DURATIONS;
    }

    /** The programs' struct config (.rodata). */
    static byte[] configuration(Tracer.Config config) {
        byte[] cfg = new byte[Records.CONFIG_SIZE];
        cfg[Records.CONFIG_MODE] = (byte) mode(config);
        cfg[Records.CONFIG_FOLLOW_FORKS] = (byte) (config.followForks() ? 1 : 0);
        cfg[Records.CONFIG_SELECT_OTHERS] = (byte) (config.filter().traces(-1) ? 1 : 0);
        int wakeup = config.ebpfBufferBytes() / 8;
        for (int i = 0; i < 4; i++) cfg[Records.CONFIG_WAKEUP_BYTES + i] = (byte) (wakeup >>> (8 * i));
        return cfg;
    }

    /** One trace: the loaded programs, the ring reader and the dispatcher, closed together. */
    private static final class Session implements AutoCloseable {
        final Tracer.Config config;
        final BpfPrograms programs;
        final RingReader ring;
        final RecordDispatcher dispatcher;
        final KernelCounts counts;
        private final FollowedTasks followed;
        private boolean finished;

        Session(Tracer.Config config, long epochOffset) throws TraceException {
            this.config = config;
            int mode = mode(config);
            byte[] cfg = configuration(config);
            programs = BpfPrograms.load(cfg, config.ebpfBufferBytes());
            try {
                MapWriter.writeFilter(programs.mapFd(BpfPrograms.FILTER), config.filter());
                if (mode == Records.MODE_EVENTS) MapWriter.writePlans(programs.mapFd(BpfPrograms.PLANS), config.stringLimit());
                followed = new FollowedTasks(programs.mapFd(BpfPrograms.TASKS));
                counts = new KernelCounts(programs);
                ring = new RingReader(programs.mapFd(BpfPrograms.EVENTS), config.ebpfBufferBytes());
            } catch (TraceException | RuntimeException e) {
                programs.close();
                throw e;
            }
            dispatcher = new RecordDispatcher(config.listener(), config.decode(), config.stringLimit(), epochOffset);
        }

        /** Adds task {@code tid} to the followed set. */
        void follow(int tid, int flags) throws TraceException {
            followed.follow(tid, flags);
        }

        interface Stop {
            boolean now();
        }

        /** Reads records until every followed task has ended or {@code stop} says so. */
        void consume(Stop stop) {
            long idleSince = System.nanoTime();
            while (!dispatcher.done() && !stop.now()) {
                if (ring.drain(dispatcher) > 0) {
                    idleSince = System.nanoTime();
                    continue;
                }
                ring.await(POLL_MILLIS);
                if (System.nanoTime() - idleSince > IDLE_NANOS) {
                    checkVanished();
                    idleSince = System.nanoTime();
                }
            }
        }

        void drain() {
            while (ring.drain(dispatcher) > 0) {
                // until the ring is empty
            }
        }

        /** After losses a task's exit record may be gone: a task no longer in /proc has ended. */
        private void checkVanished() {
            if (counts.lostRecords() == 0) return;
            for (int tid : dispatcher.liveTids()) {
                if (!Files.exists(Path.of("/proc", Integer.toString(tid)))) dispatcher.vanished(tid);
            }
        }

        /** Counts, losses, onFinish: once. */
        void finish(boolean quiet) {
            if (finished) return;
            finished = true;
            programs.detach();
            drain();
            if (!quiet) counts.report(config.listener(), config.diagnostics(), ring.size());
            dispatcher.flushLastExit();
            config.listener().onFinish();
        }

        @Override
        public void close() {
            finish(true);
            ring.close();
            programs.close();
        }
    }
}
