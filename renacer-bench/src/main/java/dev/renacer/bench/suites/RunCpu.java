package dev.renacer.bench.suites;

import dev.renacer.bench.fixtures.CpuClock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the measured runs, beside their wall time (JMH secondary metrics, totals over the
 * iterations): {@code cpuNanos} over {@code cpuRuns} is the CPU time of one run, which the gate pairs
 * (JmhResult.runScoreNanos). A whole-process run counts its children (the program, strace or the CLI
 * with everything under it); an in-process run counts this JVM's Java threads too (the tracer thread),
 * not its JIT compilers and garbage collector, whose work is not the tracer's and falls unevenly
 * into short rounds (JvmServiceThreads).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RunCpu {
    public long cpuRuns;
    public long cpuNanos;

    private final CpuClock clock = new CpuClock();
    private long startedAt;
    private boolean withSelf;

    @Setup(Level.Iteration)
    public void reset() {
        cpuRuns = cpuNanos = 0;
    }

    /** Called first in a measured method; two getrusage calls, ~1 µs, are the price of the reading. */
    void start(boolean countThisJvm) {
        withSelf = countThisJvm;
        startedAt = now();
    }

    void stop() {
        cpuNanos += now() - startedAt;
        cpuRuns++;
    }

    private long now() {
        return clock.children() + (withSelf ? clock.selfWork() : 0);
    }
}
