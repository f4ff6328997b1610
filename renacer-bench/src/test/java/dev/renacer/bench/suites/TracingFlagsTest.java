package dev.renacer.bench.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.syscall.decode.FdDetail;
import org.junit.jupiter.api.Test;

class TracingFlagsTest {

    /** full_stack prints descriptor paths (-y) on ptrace, parsed in process as the CLI parses it; eBPF refuses -y. */
    @Test
    void fullStackHasDescriptorPathsOnPtrace() {
        assertThat(Tracing.FULL.outputFlags("ptrace")).contains("-y", "-T", "-C", "--stats-extended");
        assertThat(Tracing.FULL.outputFlags("ebpf")).doesNotContain("-y").contains("-T", "-C", "--stats-extended");
        InProcessTrace.Flags flags = InProcessTrace.Flags.parse(Tracing.FULL.outputFlags("ptrace").toArray(String[]::new));
        assertThat(flags.qualifiers.qualifiers(false, w -> { }).decodeFds()).containsExactly(FdDetail.PATH);
        assertThat(Tracing.FULL.renacerArguments(java.util.List.of("true"), "ptrace")).startsWith("--backend", "ptrace", "-f", "-y");
    }
}
