package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.syscall.SyscallTable;
import dev.renacer.testing.SyntheticTrace;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole pipeline to a real OTLP/HTTP receiver, driven like the tracer drives it. */
class HttpExportTest {

    static OtlpTraceListener listener(OtlpSettings settings, ByteArrayOutputStream stderr) {
        return OtlpExport.start(settings, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** Both writers: renacer's direct one (the default for plain http) and the OpenTelemetry exporter. */
    @org.junit.jupiter.params.ParameterizedTest(name = "sdkExporter={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void everySyscallAndProcessArrivesAsOneTraceWithParentLinks(boolean sdkExporter) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            OtlpSettings settings = OtlpSettings.builder()
                    .environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(), "OTEL_SERVICE_NAME", "checkout",
                            "OTEL_EXPORTER_OTLP_HEADERS", "x-tenant=acme,x-token=a%20b"))
                    .batch(BatchSettings.defaults().withMaxExportBatchSize(64))
                    .sdkExporter(sdkExporter)
                    .build();
            assertThat(OtlpExport.usesDirectExporter(settings)).isEqualTo(!sdkExporter);
            SyntheticTrace trace = new SyntheticTrace(300, 40);
            OtlpTraceListener listener = listener(settings, stderr);
            trace.run(listener);

            List<Span> spans = receiver.acceptedSpans();
            assertThat(spans).hasSize(trace.totalSpans());
            assertThat(spans.stream().map(s -> Received.hex(s.getTraceId())).distinct()).containsExactly(listener.traceIdHex());
            assertThat(spans.stream().map(s -> Received.hex(s.getSpanId())).distinct()).hasSize(spans.size());

            Span parent = only(spans, "process: app");
            Span child = only(spans, "process: kid");
            assertThat(parent.getParentSpanId().isEmpty()).isTrue();
            assertThat(child.getParentSpanId()).isEqualTo(parent.getSpanId());
            assertThat(Received.integer(parent, "process.pid")).isEqualTo(100);
            assertThat(Received.integer(parent, "process.exit.code")).isEqualTo(3);
            assertThat(Received.string(parent, "process.executable.path")).isEqualTo("/usr/bin/app");
            assertThat(parent.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
            assertThat(Received.attribute(parent.getAttributesList(), "process.command_args").orElseThrow()
                    .getArrayValue().getValuesList()).extracting(v -> v.getStringValue()).containsExactly("app", "-x", "in put");
            assertThat(Received.integer(child, "process.parent_pid")).isEqualTo(100);
            assertThat(child.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);

            List<Span> syscalls = spans.stream().filter(s -> s.getName().startsWith("syscall: ")).toList();
            assertThat(syscalls).hasSize(trace.totalSyscalls());
            Map<Boolean, Long> byParent = syscalls.stream().collect(Collectors.partitioningBy(
                    s -> s.getParentSpanId().equals(child.getSpanId()), Collectors.counting()));
            assertThat(byParent.get(true)).isEqualTo(trace.childCalls);
            assertThat(syscalls.stream().filter(s -> !s.getParentSpanId().equals(child.getSpanId())))
                    .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(parent.getSpanId()));

            List<Span> failed = syscalls.stream().filter(s -> s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR).toList();
            assertThat(failed).hasSize(trace.failedCalls);
            assertThat(failed).allSatisfy(s -> {
                assertThat(Received.string(s, "syscall.errno")).isEqualTo("ENOENT");
                assertThat(s.getStatus().getMessage()).isEqualTo("ENOENT");
                assertThat(Received.string(s, "syscall.result")).startsWith("-1 ENOENT");
            });
            Span openat = syscalls.stream().filter(s -> Received.integer(s, "syscall.number") == SyscallTable.number("openat")).findFirst().orElseThrow();
            assertThat(openat.getName()).isEqualTo("syscall: openat");
            assertThat(Received.string(openat, "syscall.name")).isEqualTo("openat");
            assertThat(Received.string(openat, "syscall.args")).startsWith("AT_FDCWD, \"/etc/file");
            assertThat(openat.getEndTimeUnixNano() - openat.getStartTimeUnixNano()).isEqualTo(500);
            assertThat(syscalls.stream().map(s -> Received.integer(s, "thread.id")).collect(Collectors.toSet()))
                    .isEqualTo(Set.of(100L, 101L, 102L));
            assertThat(syscalls).noneMatch(s -> Received.attribute(s.getAttributesList(), "syscall.errno").isPresent()
                    && s.getStatus().getCode() != Status.StatusCode.STATUS_CODE_ERROR);

            var resource = receiver.accepted.get(0).getResourceSpans(0).getResource();
            assertThat(Received.attribute(resource.getAttributesList(), "service.name").orElseThrow().getStringValue()).isEqualTo("checkout");
            assertThat(receiver.lastHeaders).containsEntry("x-tenant", "acme").containsEntry("x-token", "a b");

            assertThat(listener.summary().exported()).isEqualTo(trace.totalSpans());
            assertThat(listener.summary().dropped()).isZero();
            SpanPool.Stats pool = listener.summary().pool();
            assertThat(pool.hits() + pool.misses()).as("every span came from the pool").isEqualTo(trace.totalSpans());
            assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("renacer: otlp: " + trace.totalSpans()
                    + " spans exported, 0 dropped, " + receiver.requestCount() + " batches sent, 0 failures; span pool "
                    + pool.hits() + " hits, " + pool.misses() + (pool.misses() == 1 ? " miss (" : " misses (")
                    + String.format(java.util.Locale.ROOT, "%.1f", 100.0 * pool.hits() / trace.totalSpans())
                    + "% hit rate) (http/protobuf " + receiver.baseUrl() + "/v1/traces)\n");
        }
    }

    @Test
    void traceParentPutsTheTraceUnderTheUpstreamSpan() throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            String parentId = "00f067aa0ba902b7";
            OtlpSettings settings = OtlpSettings.builder()
                    .endpoint(receiver.baseUrl())
                    .environment(Map.of("TRACEPARENT", "00-" + traceId + "-" + parentId + "-01"))
                    .build();
            SyntheticTrace trace = new SyntheticTrace(20, 5);
            trace.run(listener(settings, new ByteArrayOutputStream()));

            List<Span> spans = receiver.acceptedSpans();
            assertThat(spans).hasSize(trace.totalSpans());
            assertThat(spans).allSatisfy(s -> assertThat(Received.hex(s.getTraceId())).isEqualTo(traceId));
            assertThat(Received.hex(only(spans, "process: app").getParentSpanId())).isEqualTo(parentId);
            assertThat(Received.hex(only(spans, "process: kid").getParentSpanId())).isNotEqualTo(parentId);
        }
    }

    static Span only(List<Span> spans, String name) {
        List<Span> named = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
