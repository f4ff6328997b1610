package dev.renacer.trace;

import dev.renacer.filter.Qualifiers;
import dev.renacer.syscall.decode.FdDetail;
import dev.renacer.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-syscall path allocates nothing: decoding, the event and the stops reuse their buffers.
 * Measured with the JVM's per-thread allocation counter on the tracer thread, between the first and
 * the last syscall of a long run of syscall_heavy (process start and exec allocate, and are excluded),
 * with the default options on both backends (the eBPF consumer reads records in place from the mapped ring and
 * decodes them through the captured memory into the task's reused event), and on the ptrace backend with those
 * that add work per call (-y, -yy, -e inject=, -e read=/write=, -xx, -v, -e raw=).
 */
class SteadyPathAllocationTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tracingManySyscallsAllocatesNothingPerCall(Backend backend) throws Exception {
        assertThat(bytesPerCall(Tracer.builder().backend(backend))).as("bytes allocated per traced syscall").isLessThan(1.0);
    }

    @Test
    void printingTheFilesBehindDescriptorsAllocatesNothingPerCall() throws Exception {
        // -y: every descriptor argument and result is looked up in /proc/PID/fd
        assertThat(bytesPerCall(Tracer.builder().fdDetails(Set.of(FdDetail.PATH)))).as("bytes per call with -y").isLessThan(1.0);
        // -yy: and stat'ed for a device, and its link checked for a socket
        assertThat(bytesPerCall(Tracer.builder().fdDetails(EnumSet.allOf(FdDetail.class)))).as("bytes per call with -yy").isLessThan(1.0);
    }

    @Test
    void injectingFaultsAllocatesNothingPerCall() throws Exception {
        // -e inject=: every unlink is rewritten at entry and exit (to 0: the program runs on, its file stays, and
        // O_TRUNC empties it each round), and every 2nd lseek is held after the call, counted per task
        Qualifiers q = new Qualifiers(w -> {});
        q.qualify("inject=unlink:retval=0");
        q.qualify("inject=lseek:delay_exit=0:when=1+2");
        assertThat(bytesPerCall(Tracer.builder().inject(q.inject()))).as("bytes per call with -e inject=").isLessThan(1.0);
        // and with -y and -c's system time (wait4's rusage at every stop) on top
        assertThat(bytesPerCall(Tracer.builder().inject(q.inject()).fdDetails(Set.of(FdDetail.PATH)).systemTime(true)))
                .as("bytes per call with -e inject=, -y and system times").isLessThan(1.0);
    }

    @Test
    void dumpingHexAndWholeStructuresAllocatesNothingPerCall() throws Exception {
        // -e read=all -e write=all: every read and write dumped in hex; -xx: every string in hex; -v: nothing abbreviated
        assertThat(bytesPerCall(Tracer.builder().dumps(fd -> true, fd -> true).hexStrings(dev.renacer.syscall.decode.HexStrings.ALL)
                .display(n -> false, n -> true, n -> false))).as("bytes per call with -e read=all -e write=all -xx -v").isLessThan(1.0);
        // -e raw=all: every call in hex
        assertThat(bytesPerCall(Tracer.builder().display(n -> true, n -> true, n -> true))).as("bytes per call with -e raw=all")
                .isLessThan(1.0);
    }

    /** Bytes the tracer thread allocated per call between the 1000th call and the process's end. */
    static double bytesPerCall(Tracer.Builder builder) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] first = {-1};
        long[] last = {-1};
        long[] calls = {0};
        int[] pid = {0};
        TraceListener counter = new TraceListener() {
            @Override
            public void onProcessStart(ProcessInfo process) {
                pid[0] = process.pid();
            }

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
        TraceResult r = builder.listener(counter).build().launch(List.of(Fixtures.path("syscall_heavy"), "20000"));
        // the file an injected unlink left behind
        Files.deleteIfExists(Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp"), "renacer-heavy-" + pid[0]));

        assertThat(r.exitStatus()).isZero();
        assertThat(calls[0]).isGreaterThan(120_000);
        // a few hundred bytes in all is the counter itself and the exit path; one object per call would be >= 16
        return (double) (last[0] - first[0]) / (calls[0] - 1000);
    }
}
