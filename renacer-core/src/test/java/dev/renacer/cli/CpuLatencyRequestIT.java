package dev.renacer.cli;

import dev.renacer.testing.Shell;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.renacer.testing.Shell.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * --cpu-dma-latency: while renacer traces, the kernel holds its PM QoS CPU latency request (reading
 * /dev/cpu_dma_latency gives the strictest request held), it is gone when renacer is, and the traced program
 * neither holds nor sees the descriptor. Needs root, as the device does.
 */
class CpuLatencyRequestIT {
    private static final Path DEVICE = Path.of("/dev/cpu_dma_latency");
    /** The traced program reads the request in force, and lists where its descriptors lead. */
    private static final String REPORT = "od -An -td4 /dev/cpu_dma_latency; for f in /proc/self/fd/*; do readlink $f; done; true";

    private int before;

    @BeforeEach
    void readRequestInForce() throws Exception {
        assumeTrue(Files.isReadable(DEVICE), "PM QoS needs root and /dev/cpu_dma_latency");
        before = current();
        assumeTrue(before > 25, "another process holds a CPU latency request of " + before + " µs");
    }

    @Test
    void heldAtZeroWhileTracingByDefaultAndReleasedAfter() throws Exception {
        Shell.Result traced = trace("");
        assertThat(traced.exitCode()).as(traced.err()).isZero();
        assertThat(firstLine(traced)).isEqualTo("0");
        assertThat(traced.out()).doesNotContain("cpu_dma_latency"); // the command was not handed the descriptor
        assertThat(current()).isEqualTo(before);
    }

    @Test
    void givenValueIsHeld() throws Exception {
        Shell.Result traced = trace("--cpu-dma-latency=25");
        assertThat(firstLine(traced)).as(traced.err()).isEqualTo("25");
        assertThat(current()).isEqualTo(before);
    }

    @Test
    void offAsksNothing() throws Exception {
        Shell.Result traced = trace("--cpu-dma-latency=off");
        assertThat(firstLine(traced)).as(traced.err()).isEqualTo(Integer.toString(before));
    }

    @Test
    void heldUnderFollowForksAndForAnAttachedProcess() throws Exception {
        Shell.Result traced = trace("-f");
        assertThat(firstLine(traced)).as(traced.err()).isEqualTo("0");
        // -p: the attached process reports while traced: it waits (30 s at most) until its TracerPid is renacer's
        String untilTraced = "i=0; until grep -q 'TracerPid:[[:space:]]*[1-9]' /proc/$$/status || [ $i -ge 600 ]; do "
                + "sleep 0.05; i=$((i+1)); done; ";
        Shell.Result attached = Shell.run("sh -c " + quote(untilTraced + REPORT) + " & pid=$!; "
                + quote(Shell.launcher()) + " -o /dev/null -p $pid & wait $pid; st=$?; wait; exit $st");
        assertThat(firstLine(attached)).as(attached.err()).isEqualTo("0");
        assertThat(current()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-1", "2000000001", "0x10", ""})
    void badValueIsOneLineAndExitTwo(String value) throws Exception {
        Shell.Result r = Shell.run(quote(Shell.launcher()) + " --cpu-dma-latency=" + quote(value) + " -o /dev/null -- true");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("renacer: invalid --cpu-dma-latency argument: '" + value + "'")
                .hasLineCount(1);
    }

    private static Shell.Result trace(String options) throws Exception {
        return Shell.run(quote(Shell.launcher()) + " -o /dev/null " + options + " -- sh -c " + quote(REPORT));
    }

    private static String firstLine(Shell.Result r) {
        return r.out().strip().lines().findFirst().orElse("").strip();
    }

    private static int current() throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(DEVICE)).order(ByteOrder.nativeOrder()).getInt();
    }
}
