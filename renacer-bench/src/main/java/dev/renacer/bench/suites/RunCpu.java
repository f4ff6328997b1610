package dev.renacer.bench.suites;

import dev.renacer.bench.fixtures.CpuClock;
import dev.renacer.bench.fixtures.IdlePollClock;
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
 *
 * <p>{@code programNanos} over {@code programRuns} is the traced program's own CPU time, counted only
 * where this JVM's reaped children are the program alone ({@link Work#childrenAreProgram}): the fixture run
 * untraced, under an in-kernel anchor, or traced in process. It leaves out the JVM's start, the tracer's
 * thread and the loading of BPF programs, and keeps what tracing costs the program itself: ptrace's
 * stops, and the BPF programs, which run in its context (issue 11's "overhead on the program's own run time").
 *
 * <p>{@code idlePollNanos} over {@code idlePollRuns} is the machine's CPU time spent polling in idle during a
 * whole-process run ({@link IdlePollClock}: cpuidle's POLL state, summed over CPUs): what a tracer's PM QoS
 * request (idle CPUs poll instead of halting) costs beyond its own CPU time (issue 10). Machine-wide, so
 * other load adds to it; native_ and the strace anchors of the same run show the level without the request.
 * Not counted in process (the gate's default benchmark keeps its two getrusage calls), nor where the machine
 * has no cpuidle POLL state: then both stay 0, "not available".
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RunCpu {
    public long cpuRuns;
    public long cpuNanos;
    public long programRuns;
    public long programNanos;
    public long idlePollRuns;
    public long idlePollNanos;

    /** Where a run's work is: in this JVM's reaped children (the program alone, or a tracer over it), and in this JVM. */
    enum Work {
        /** The program alone, a child of this JVM: native_, an anchor. */
        PROGRAM(true, false),
        /** The program traced by this JVM: in process. */
        PROGRAM_TRACED_HERE(true, true),
        /** A tracer process with the program under it: strace, the renacer CLI. */
        TRACER_PROCESS(false, false);

        final boolean childrenAreProgram;
        final boolean inThisJvm;

        Work(boolean childrenAreProgram, boolean inThisJvm) {
            this.childrenAreProgram = childrenAreProgram;
            this.inThisJvm = inThisJvm;
        }
    }

    private final CpuClock clock = new CpuClock();
    private final IdlePollClock idlePoll = new IdlePollClock();
    private long startedAt;
    private long childrenAt;
    private long idlePollAt;
    private Work work;

    @Setup(Level.Iteration)
    public void reset() {
        cpuRuns = cpuNanos = programRuns = programNanos = idlePollRuns = idlePollNanos = 0;
    }

    /** Called first in a measured method; two getrusage calls, ~1 µs, are the price of the reading (and a sysfs read per CPU out of process). */
    void start(Work where) {
        work = where;
        if (countsIdlePoll()) idlePollAt = idlePoll.nanos();
        childrenAt = clock.children();
        startedAt = childrenAt + (work.inThisJvm ? clock.selfWork() : 0);
    }

    void stop() {
        long childrenNow = clock.children();
        cpuNanos += childrenNow + (work.inThisJvm ? clock.selfWork() : 0) - startedAt;
        cpuRuns++;
        if (work.childrenAreProgram) {
            programNanos += childrenNow - childrenAt;
            programRuns++;
        }
        if (countsIdlePoll()) {
            idlePollNanos += idlePoll.nanos() - idlePollAt;
            idlePollRuns++;
        }
    }

    private boolean countsIdlePoll() {
        return !work.inThisJvm && idlePoll.available();
    }
}
