package dev.renacer.trace;

import dev.renacer.linux.CpuLatencyRequest;
import java.util.List;

/**
 * The ptrace backend: {@link TraceLoop} on a dedicated platform thread that this class starts for the
 * duration of a launch or attach, since ptrace requests are only honoured from the thread that attached.
 * For that duration it holds the PM QoS CPU latency request of {@code --cpu-dma-latency} (CpuLatencyRequest):
 * each stop wakes the tracer and then the tracee, and a halted idle CPU is slow to wake.
 */
final class PtraceBackend implements TraceBackend {
    private final Tracer.Config config;
    private final Tracer tracer;
    private volatile TraceLoop running;

    PtraceBackend(Tracer.Config config, Tracer tracer) {
        this.config = config;
        this.tracer = tracer;
    }

    @Override
    public TraceResult launch(Argv command) throws TraceException {
        return runOnTracerThread(loop -> {
            loop.launch(command);
            return loop.run();
        });
    }

    @Override
    public TraceResult attach(List<Integer> pids) throws TraceException {
        return runOnTracerThread(loop -> {
            loop.attach(pids);
            return loop.run();
        });
    }

    /** renacer -D, in the tracer: see {@link Tracer#adoptDaemonized}. */
    TraceResult adoptDaemonized(int pid, int intermediate, Argv command) throws TraceException {
        return runOnTracerThread(loop -> {
            loop.adoptDaemonized(pid, intermediate, command);
            return loop.run();
        });
    }

    /** The loop reads the signal from the {@link Tracer}; here it only has to be woken. */
    @Override
    public void requestDetach(int signal) {
        TraceLoop loop = running;
        if (loop != null) loop.wake();
    }

    private interface LoopBody {
        TraceResult run(TraceLoop loop) throws TraceException;
    }

    private TraceResult runOnTracerThread(LoopBody body) throws TraceException {
        return TracerThread.run("renacer-tracer", () -> {
            TraceLoop loop = new TraceLoop(config, tracer);
            running = loop;
            try (CpuLatencyRequest latency = CpuLatencyRequest.hold(config.cpuLatencyMicros())) {
                return body.run(loop);
            } finally {
                running = null;
            }
        });
    }
}
