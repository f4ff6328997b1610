package dev.renacer.trace.ebpf;

import dev.renacer.trace.ProcFs;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.Tracer;

import java.nio.file.Files;
import java.nio.file.Path;

/** One trace of the eBPF backend: the loaded programs, the ring reader and the dispatcher, closed together. */
final class EbpfSession implements AutoCloseable {
    /** How often the consumer looks at the ring when the kernel does not wake it (it wakes it only when filling). */
    private static final int POLL_MILLIS = 5;
    /** How long without records before checking for tasks whose exit record was lost. */
    private static final long IDLE_NANOS = 200_000_000L;

    final Tracer.Config config;
    final BpfPrograms programs;
    final RingReader ring;
    final RecordDispatcher dispatcher;
    final KernelCounts counts;
    private final FollowedTasks followed;
    private boolean finished;

    EbpfSession(Tracer.Config config, long epochOffset) throws TraceException {
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

    /**
     * After losses a task's exit record may be gone: a task no longer in /proc has ended, and so has a
     * zombie that is the last of its thread group (the launched command stays a zombie until renacer
     * reaps it, after this loop: without this, a lost exit record of it was waited for for ever).
     */
    private void checkVanished() {
        if (counts.lostRecords() == 0) return;
        for (int tid : dispatcher.liveTids()) {
            if (ended(tid)) dispatcher.vanished(tid);
        }
    }

    /** Gone from /proc, or dead (Z, X) with no live thread left in its group. */
    static boolean ended(int tid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Integer.toString(tid), "stat"));
        } catch (java.io.IOException e) {
            return true;
        }
        int close = stat.lastIndexOf(')');
        char state = close > 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
        if (state != 'Z' && state != 'X') return false;
        return ProcFs.statusField(tid, "Threads") <= 1;
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
}
