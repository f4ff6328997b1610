package dev.renacer.bench.suites;

import dev.renacer.trace.TraceResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tracer's exact work, reported beside the time as JMH secondary metrics (totals, summed over
 * the iterations): traced runs, ptrace stops, tracer syscalls (ptrace + waitpid) and traced syscalls.
 * The gate's deterministic signal divides them per traced syscall (compare/TracerCounts); the report
 * takes syscalls per run for the per-syscall overhead. A run whose renacer printed no counters (a
 * build from before them) adds nothing, and all four stay 0: "not available". {@code eventsLost} is
 * what the eBPF backend could not deliver (ring-buffer records lost), counted in process (InProcessTrace).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class TracerWork {
    public long tracedRuns;
    public long stops;
    public long tracerSyscalls;
    public long tracedSyscalls;
    public long eventsLost;

    @Setup(Level.Iteration)
    public void reset() {
        tracedRuns = stops = tracerSyscalls = tracedSyscalls = eventsLost = 0;
    }

    void lost(long events) {
        eventsLost += events;
    }

    void add(TraceResult.Counters counters) {
        if (counters == null) return;
        tracedRuns++;
        stops += counters.stops();
        tracerSyscalls += counters.ptraceCalls() + counters.waitpidCalls();
        tracedSyscalls += counters.tracedSyscalls();
    }
}
