package dev.renacer.trace.ebpf;

import dev.renacer.testing.Fixtures;
import dev.renacer.trace.Backend;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eBPF consumer's per-call path allocates nothing: records are read in place from the mapped ring,
 * decoded through the captured memory into the task's reused event. Measured with the JVM's per-thread
 * allocation counter on the consumer thread, between the 1000th call and the process's exit.
 */
class EbpfSteadyPathAllocationTest {

    @Test
    void consumingManyCallsAllocatesNothingPerCall() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] first = {-1};
        long[] last = {-1};
        long[] calls = {0};
        TraceListener counter = new TraceListener() {
            @Override
            public void onSyscall(SyscallEvent e) {
                calls[0]++;
                if (calls[0] == 1000) first[0] = threads.getCurrentThreadAllocatedBytes();
                if (e.arguments.length() + e.result.length() < 0) throw new AssertionError();
            }

            @Override
            public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
                last[0] = threads.getCurrentThreadAllocatedBytes();
            }
        };
        TraceResult r = Tracer.builder().backend(Backend.EBPF).listener(counter).build()
                .launch(List.of(Fixtures.path("syscall_heavy"), "20000"));

        assertThat(r.exitStatus()).isZero();
        assertThat(calls[0]).isGreaterThan(120_000);
        double bytesPerCall = (double) (last[0] - first[0]) / (calls[0] - 1000);
        assertThat(bytesPerCall).as("bytes allocated per traced syscall on the consumer thread").isLessThan(1.0);
    }
}
