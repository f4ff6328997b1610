package dev.renacer.bench.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.bench.fixtures.Fixture;
import dev.renacer.bench.fixtures.ProcessRun;
import dev.renacer.linux.LibC;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * An in-kernel tracer that issue 11 measures renacer's eBPF backend against, running for the whole
 * trial while the benchmark runs the fixture, untraced by renacer, per invocation: bpftrace counting
 * every sys_enter and sys_exit of the fixture (a {@code comm} filter), or libbpf-tools' {@code syscount
 * -L} (system-wide, with latencies). Started in setup and waited for until its two tracepoints are
 * attached ({@code bpftool perf list} names them with its pid); stopped by its pid with SIGINT in
 * teardown, when it prints what it counted, which must show it saw calls. Both need root, and tracefs:
 * when it is not mounted they get it in a mount namespace of their own.
 */
@State(Scope.Thread)
public class Anchor {
    /** The anchors, by benchmark method: the command for a fixture, and what its final output must show. */
    enum Tracer {
        BPFTRACE("anchor_bpftrace", fixture -> List.of("bpftrace", "-e", "tracepoint:raw_syscalls:sys_enter /comm == \"" + fixture
                + "\"/ { @enter = count(); } tracepoint:raw_syscalls:sys_exit /comm == \"" + fixture + "\"/ { @exit = count(); }"),
                Pattern.compile("@enter: [1-9]")),
        SYSCOUNT("anchor_syscount", fixture -> List.of("syscount", "-L"), Pattern.compile("SYSCALL +COUNT +TIME"));

        final String method;
        final Function<String, List<String>> command;
        final Pattern sawCalls;

        Tracer(String method, Function<String, List<String>> command, Pattern sawCalls) {
            this.method = method;
            this.command = command;
            this.sawCalls = sawCalls;
        }

        static Tracer of(String method) {
            for (Tracer t : values()) if (t.method.equals(method)) return t;
            throw new IllegalArgumentException("no anchor for " + method);
        }
    }

    private static final Path TRACEFS_EVENTS = Path.of("/sys/kernel/tracing/events");
    private static final long ATTACH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGINT = 2;
    private Process process;
    private Path output;
    private Tracer tracer;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params, syscall_overhead.Program program) throws IOException, InterruptedException {
        String benchmark = params.getBenchmark();
        tracer = Tracer.of(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        List<String> command = new ArrayList<>();
        if (!Files.isDirectory(TRACEFS_EVENTS)) {
            command.addAll(List.of("unshare", "-m", "sh", "-c", "mount -t tracefs nodev /sys/kernel/tracing && exec \"$@\"", "sh"));
        }
        command.addAll(tracer.command.apply(Fixture.named(program.fixture).fileName()));
        output = Files.createTempFile("renacer-bench-anchor", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + ATTACH_TIMEOUT_NANOS;
        while (!attached(process.pid())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(command.get(0) + " did not attach its tracepoints: " + end().strip());
            }
            Thread.sleep(50);
        }
    }

    /** Stops the tracer by its pid; it must have printed counts (it saw the fixture's calls). */
    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        if (process == null) return;
        String log = end();
        if (!tracer.sawCalls.matcher(log).find()) {
            throw new IllegalStateException(tracer.method + ": the anchor's output shows no traced call: " + log.strip());
        }
    }

    /** Stops the tracer (SIGINT by its pid, SIGKILL after 10 s) and returns what it printed. */
    private String end() throws IOException, InterruptedException {
        if (process.isAlive()) LibC.kill((int) process.pid(), SIGINT);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly(); // bpftrace 0.17 was seen waiting on after a signal
            process.waitFor();
        }
        process = null;
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return log;
    }

    /** Whether {@code bpftool perf list} shows the sys_enter and sys_exit tracepoints held by {@code pid}. */
    static boolean attached(long pid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessRun.run(List.of("bpftool", "-j", "perf", "list"), Map.of(), out).requireSuccess(List.of("bpftool", "perf", "list"));
        return tracepointsOf(new ObjectMapper().readTree(out.toByteArray()), pid).containsAll(List.of("sys_enter", "sys_exit"));
    }

    static List<String> tracepointsOf(JsonNode perfList, long pid) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : perfList) {
            if (n.path("pid").asLong() == pid && n.path("fd_type").asText().equals("tracepoint")) names.add(n.path("tracepoint").asText());
        }
        return names;
    }
}
