package dev.renacer.trace;

import dev.renacer.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-syscall path allocates nothing: decoding, the event and the stops reuse their buffers.
 * Measured with the JVM's per-thread allocation counter on the tracer thread, between the first and
 * the last syscall of a long run of syscall_heavy (process start and exec allocate, and are excluded).
 * On both backends: the eBPF consumer reads records in place from the mapped ring and decodes them
 * through the captured memory into the task's reused event.
 */
class SteadyPathAllocationTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tracingManySyscallsAllocatesNothingPerCall(Backend backend) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] first = {-1};
        long[] last = {-1};
        long[] calls = {0};
        TraceListener counter = new TraceListener() {
            @Override
            public void onSyscall(SyscallEvent e) {
                calls[0]++;
                if (calls[0] == 1000) first[0] = threads.getCurrentThreadAllocatedBytes();
                // read the decoded text as a sink would
                if (e.arguments.length() + e.result.length() < 0) throw new AssertionError();
            }

            @Override
            public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
                last[0] = threads.getCurrentThreadAllocatedBytes();
            }
        };
        // 6 calls per round: ~120,000 syscalls
        TraceResult r = Tracer.builder().backend(backend).listener(counter).build().launch(List.of(Fixtures.path("syscall_heavy"), "20000"));

        assertThat(r.exitStatus()).isZero();
        assertThat(calls[0]).isGreaterThan(120_000);
        long steadyCalls = calls[0] - 1000;
        double bytesPerCall = (double) (last[0] - first[0]) / steadyCalls;
        // a few hundred bytes in all is the counter itself and the exit path; one object per call would be >= 16
        assertThat(bytesPerCall).as("bytes allocated per traced syscall").isLessThan(1.0);
    }
}
