package dev.renacer.bench.suites;

import dev.renacer.bench.fixtures.Fixture;
import dev.renacer.trace.Backend;
import dev.renacer.trace.TraceResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's deterministic signal is exact: 100 more rounds of syscall_heavy (create, write, lseek,
 * read, close, unlink) are 600 more traced syscalls, 1200 more stops (entry and exit), 1200 more
 * waitpid calls and 2400 more ptrace calls (GET_SYSCALL_INFO and SYSCALL per stop), in process.
 */
class TracerCountsExactTest {
    private static TraceResult.Counters trace(int rounds) throws Exception {
        return trace(rounds, Backend.PTRACE);
    }

    private static TraceResult.Counters trace(int rounds, Backend backend) throws Exception {
        InProcessTrace t = new InProcessTrace(Tracing.BASIC, Fixture.SYSCALL_HEAVY.command(rounds), backend);
        t.prepare();
        return t.run().counters();
    }

    @Test
    void countsGrowExactlyWithTheWork() throws Exception {
        TraceResult.Counters small = trace(100);
        TraceResult.Counters large = trace(200);
        assertThat(large.tracedSyscalls() - small.tracedSyscalls()).isEqualTo(600);
        assertThat(large.stops() - small.stops()).isEqualTo(1200);
        assertThat(large.waitpidCalls() - small.waitpidCalls()).isEqualTo(1200);
        assertThat(large.ptraceCalls() - small.ptraceCalls()).isEqualTo(2400);
        assertThat(trace(100)).isEqualTo(small);
    }

    /** The backend parameter reaches the tracer: the eBPF backend sees the same syscalls and never stops the program. */
    @Test
    void theEbpfBackendCountsTheSameSyscallsWithoutStops() throws Exception {
        TraceResult.Counters small = trace(100, Backend.EBPF);
        TraceResult.Counters large = trace(200, Backend.EBPF);
        assertThat(large.tracedSyscalls() - small.tracedSyscalls()).isEqualTo(600);
        assertThat(large.stops()).isZero();
        assertThat(large.ptraceCalls()).isZero();
    }
}
