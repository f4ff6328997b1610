package dev.renacer.bench.suites;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The attach check of the anchors, on {@code bpftool -j perf list} as bpftool 7 prints it (recorded here with bpftrace). */
class AnchorTest {
    private static final String PERF_LIST = "[{\"pid\":18489,\"fd\":9,\"prog_id\":8441,\"fd_type\":\"tracepoint\",\"tracepoint\":\"sys_enter\"},"
            + "{\"pid\":18489,\"fd\":12,\"prog_id\":8442,\"fd_type\":\"tracepoint\",\"tracepoint\":\"sys_exit\"},"
            + "{\"pid\":4242,\"fd\":7,\"prog_id\":9000,\"fd_type\":\"kprobe\",\"func\":\"do_sys_openat2\",\"offset\":0}]";

    @Test
    void aTracerIsAttachedWhenBothSyscallTracepointsAreHeldByItsPid() throws Exception {
        var list = new ObjectMapper().readTree(PERF_LIST);
        assertThat(Anchor.tracepointsOf(list, 18489)).containsExactly("sys_enter", "sys_exit");
        assertThat(Anchor.tracepointsOf(list, 4242)).isEmpty();
        assertThat(Anchor.tracepointsOf(list, 1)).isEmpty();
    }

    @Test
    void eachAnchorBenchmarkHasItsTracerAndItsProofOfCounting() {
        assertThat(Anchor.Tracer.of("anchor_bpftrace").command.apply("syscall_heavy"))
                .startsWith("bpftrace", "-e").last().asString().contains("/comm == \"syscall_heavy\"/").contains("sys_exit");
        assertThat(Anchor.Tracer.of("anchor_bpftrace").sawCalls.matcher("Attaching 2 probes...\n\n@enter: 0\n").find()).isFalse();
        assertThat(Anchor.Tracer.of("anchor_bpftrace").sawCalls.matcher("@enter: 120061\n@exit: 120060\n").find()).isTrue();
        assertThat(Anchor.Tracer.of("anchor_syscount").command.apply("syscall_heavy")).containsExactly("syscount", "-L");
    }
}
