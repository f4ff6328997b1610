package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The renacer command, as a user runs it, tracing the C fixtures into real OTLP receivers: the spans
 * are the trace (the same calls and errors as renacer's own -c table and as strace -c -f), linked
 * into one trace, and the collector's faults never change the tracee's exit status.
 */
class OtlpEndToEndIT {
    /**
     * Tests that check what arrives give the final flush a generous deadline (a guard, not a measure): the
     * 5 s default is a user's trade-off, and on a loaded machine a gRPC channel alone took longer to set up.
     */
    private static final String[] DELIVERY_DEADLINE = {"--otlp-flush-timeout", "120000"};


    /**
     * The same shape from exported spans: calls and ERROR spans per syscall.name. Calls that never
     * returned (exit_group, the kill that killed the caller: result "?") are spans, as they are trace
     * lines, but no -c table counts them, strace's included: leave them out here.
     */
    static Map<String, String> spanTable(List<Span> spans) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Span s : spans) {
            if (!s.getName().startsWith("syscall: ") || "?".equals(Received.string(s, "syscall.result"))) continue;
            long[] c = counts.computeIfAbsent(Received.string(s, "syscall.name"), k -> new long[2]);
            c[0]++;
            if (s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) c[1]++;
        }
        Map<String, String> table = new TreeMap<>();
        counts.forEach((k, v) -> table.put(k, v[0] + "/" + v[1]));
        return table;
    }

    private static List<String> command(String fixture, String argument) {
        List<String> command = new ArrayList<>(List.of(Fixtures.path(fixture)));
        if (!argument.isEmpty()) command.add(argument);
        return command;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"syscall_heavy, 40, 0", "fork_exec, '', 0", "exit_status, 5, 5", "killed, '', 137"})
    void spansAreTheTraceOverHttp(String fixture, String argument, int exitStatus) throws Exception {
        List<String> command = command(fixture, argument);
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
            Path summary = Files.createTempFile("renacer-otlp", ".txt");
            List<String> args = new ArrayList<>(List.of("-f", "-c", "-o", summary.toString(),
                    "--otlp-endpoint", receiver.baseUrl(), "--otlp-service-name", "e2e", DELIVERY_DEADLINE[0], DELIVERY_DEADLINE[1]));
            args.addAll(command);
            Renacer.Run run = Renacer.run(args);

            assertThat(run.exitCode()).as("the tracee's exit status").isEqualTo(exitStatus);
            List<Span> spans = receiver.acceptedSpans();
            Map<String, String> fromSpans = spanTable(spans);
            Map<String, String> fromTrace = Strace.summaryTable(Files.readAllLines(summary));
            Files.delete(summary);
            assertThat(fromTrace).as("renacer's -c table").isNotEmpty();
            assertThat(fromSpans).as("spans vs renacer -c").isEqualTo(fromTrace);
            assertThat(fromSpans).as("spans vs strace -c -f").isEqualTo(Strace.summaryTable(Strace.run(List.of("-c", "-f"), command).lines()));

            long syscallSpans = spans.stream().filter(s -> s.getName().startsWith("syscall: ")).count();
            assertThat(spans).filteredOn(s -> "?".equals(Received.string(s, "syscall.result")))
                    .as("the calls that never returned").extracting(s -> Received.string(s, "syscall.name"))
                    .containsOnly(exitStatus == 137 ? "kill" : "exit_group")
                    .hasSize(fixture.equals("fork_exec") ? 3 : 1);
            List<Span> processes = spans.stream().filter(s -> s.getName().startsWith("process: ")).toList();
            assertThat(run.stderrLines()).hasSize(1);
            assertThat(run.stderrLines().get(0)).matches(java.util.regex.Pattern.quote("renacer: otlp: " + spans.size()
                    + " spans exported, 0 dropped, " + receiver.requestCount() + (receiver.requestCount() == 1 ? " batch" : " batches")
                    + " sent, 0 failures; span pool ") + "\\d+ hits?, \\d+ miss(es)? \\(\\d+\\.\\d% hit rate\\) "
                    + java.util.regex.Pattern.quote("(http/protobuf " + receiver.baseUrl() + "/v1/traces)"));
            assertThat(spans).hasSize((int) syscallSpans + processes.size());
            assertThat(spans.stream().map(s -> Received.hex(s.getTraceId())).distinct()).hasSize(1);

            // every syscall span hangs under a process span; roots have no parent
            Set<String> processIds = processes.stream().map(s -> Received.hex(s.getSpanId())).collect(Collectors.toSet());
            assertThat(spans).filteredOn(s -> s.getName().startsWith("syscall: "))
                    .allSatisfy(s -> assertThat(processIds).contains(Received.hex(s.getParentSpanId())));
            List<Span> roots = processes.stream().filter(s -> s.getParentSpanId().isEmpty()).toList();
            assertThat(roots).hasSize(1);
            assertThat(processes).filteredOn(s -> !s.getParentSpanId().isEmpty())
                    .allSatisfy(s -> assertThat(Received.hex(s.getParentSpanId())).isEqualTo(Received.hex(roots.get(0).getSpanId())));
            Span root = roots.get(0);
            if (exitStatus == 137) {
                assertThat(Received.string(root, "renacer.process.signal")).isEqualTo("SIGKILL");
                assertThat(root.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
            } else {
                assertThat(Received.integer(root, "process.exit.code")).isEqualTo(exitStatus);
            }
            assertThat(Received.string(root, "process.executable.path")).endsWith(fixture);
            var resource = receiver.accepted.get(0).getResourceSpans(0).getResource();
            assertThat(Received.attribute(resource.getAttributesList(), "service.name").orElseThrow().getStringValue()).isEqualTo("e2e");
            if (fixture.equals("fork_exec")) {
                assertThat(processes).hasSize(3); // the parent, the child that execs true, the child that exits 7
                assertThat(processes).extracting(Span::getName).contains("process: true");
            }
            // failed calls carry their errno and an ERROR status
            assertThat(spans).filteredOn(s -> Received.attribute(s.getAttributesList(), "syscall.errno").isPresent())
                    .allSatisfy(s -> {
                        assertThat(s.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
                        assertThat(Received.string(s, "syscall.result")).startsWith("-1 " + Received.string(s, "syscall.errno"));
                    });
        }
    }

    @Test
    void threadsAreAttributesOfTheirProcessSpanNotProcesses() throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
            List<String> args = new ArrayList<>(List.of("-f", "-o", "/dev/null", "--otlp-endpoint", receiver.baseUrl(), DELIVERY_DEADLINE[0], DELIVERY_DEADLINE[1]));
            args.addAll(command("threads", "4"));
            assertThat(Renacer.run(args).exitCode()).isZero();
            List<Span> spans = receiver.acceptedSpans();
            List<Span> processes = spans.stream().filter(s -> s.getName().startsWith("process: ")).toList();
            assertThat(processes).hasSize(1);
            String process = Received.hex(processes.get(0).getSpanId());
            List<Span> syscalls = spans.stream().filter(s -> s.getName().startsWith("syscall: ")).toList();
            assertThat(syscalls).allSatisfy(s -> assertThat(Received.hex(s.getParentSpanId())).isEqualTo(process));
            assertThat(syscalls.stream().map(s -> Received.integer(s, "thread.id")).distinct().count())
                    .as("the main thread and four others").isEqualTo(5);
        }
    }

    @Test
    void grpcWithAnUpstreamTraceParentAndAFilter() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String parent = "b7ad6b7169203331";
        try (OtlpGrpcReceiver receiver = new OtlpGrpcReceiver()) {
            List<String> args = new ArrayList<>(List.of("-f", "-e", "trace=openat,write", "-o", "/dev/null",
                    "--otlp-endpoint", receiver.url(), "--otlp-protocol", "grpc", DELIVERY_DEADLINE[0], DELIVERY_DEADLINE[1]));
            args.addAll(command("syscall_heavy", "25"));
            Renacer.Run run = Renacer.run(args, Map.of("TRACEPARENT", "00-" + traceId + "-" + parent + "-01"));
            assertThat(run.exitCode()).isZero();
            List<Span> spans = receiver.acceptedSpans();
            assertThat(spans).allSatisfy(s -> assertThat(Received.hex(s.getTraceId())).isEqualTo(traceId));
            Span root = spans.stream().filter(s -> s.getName().startsWith("process: ")).findFirst().orElseThrow();
            assertThat(Received.hex(root.getParentSpanId())).isEqualTo(parent);
            assertThat(spanTable(spans).keySet()).as("-e trace= applies to spans").isSubsetOf("openat", "write");
            assertThat(spanTable(spans).get("write")).startsWith("25/"); // one write a round
        }
    }

    @Test
    void otlpFileHoldsTheSameSpans() throws Exception {
        Path file = Files.createTempFile("renacer", ".jsonl");
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
            List<String> args = new ArrayList<>(List.of("-f", "-o", "/dev/null", "--otlp-file", file.toString(),
                    "--otlp-endpoint", receiver.baseUrl(), DELIVERY_DEADLINE[0], DELIVERY_DEADLINE[1]));
            args.addAll(command("fork_exec", ""));
            assertThat(Renacer.run(args).exitCode()).isZero();
            List<ExportTraceServiceRequest> requests = new ArrayList<>();
            for (String line : Files.readAllLines(file)) requests.add(FileExportTest.decode(line));
            assertThat(Received.spans(requests)).isNotEmpty().containsExactlyInAnyOrderElementsOf(receiver.acceptedSpans());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void collectorDownChangesNothingButTheSummary() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path trace = Files.createTempFile("renacer", ".txt");
        List<String> args = new ArrayList<>(List.of("-o", trace.toString(), "--otlp-endpoint", "http://127.0.0.1:" + port,
                "--otlp-flush-timeout", "3000"));
        args.addAll(command("exit_status", "5"));
        Renacer.Run run = Renacer.run(args);
        assertThat(run.exitCode()).isEqualTo(5);
        long calls = Files.readAllLines(trace).stream().filter(l -> l.contains("(") && !l.startsWith("+++")).count();
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderrLines().get(0)).startsWith("renacer: otlp: 0 spans exported, " + (calls + 1) + " dropped");
        Files.delete(trace);
    }

    @Test
    void badExportSettingsStopBeforeAnythingStarts() throws Exception {
        Path marker = Files.createTempDirectory("renacer").resolve("created");
        for (List<String> bad : List.of(List.of("--trace-parent", "00-zz-00f067aa0ba902b7-01"),
                List.of("--otlp-endpoint", "localhost:4318"), List.of("--otlp-endpoint", "http://[bad"))) {
            List<String> args = new ArrayList<>(bad);
            args.addAll(List.of("touch", marker.toString()));
            Renacer.Run run = Renacer.run(args);
            assertThat(run.exitCode()).as(bad.toString()).isEqualTo(2);
            assertThat(run.stderrLines()).as(bad.toString()).hasSize(1).first().asString().startsWith("renacer: invalid ");
            assertThat(marker).doesNotExist();
        }
    }
}
