package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.testing.SyntheticTrace;
import io.grpc.Status;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same pipeline over real OTLP/gRPC (grpc-java's server, the official TraceService). */
class GrpcExportTest {

    @Test
    void spansArriveOverGrpcWithTheSameShape() throws Exception {
        try (OtlpGrpcReceiver receiver = new OtlpGrpcReceiver()) {
            OtlpSettings settings = OtlpSettings.builder()
                    .environment(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url()))
                    .batch(BatchSettings.defaults().withMaxExportBatchSize(100))
                    .build();
            assertThat(settings.endpoint().toString()).isEqualTo(receiver.url()); // no /v1/traces for gRPC
            SyntheticTrace trace = new SyntheticTrace(400, 30);
            OtlpTraceListener listener = HttpExportTest.listener(settings, new ByteArrayOutputStream());
            trace.run(listener);

            List<Span> spans = receiver.acceptedSpans();
            assertThat(spans).hasSize(trace.totalSpans());
            assertThat(spans.stream().map(s -> Received.hex(s.getTraceId())).distinct()).containsExactly(listener.traceIdHex());
            Span parent = HttpExportTest.only(spans, "process: app");
            assertThat(spans.stream().filter(s -> s.getName().startsWith("syscall: ")
                    && s.getParentSpanId().equals(parent.getSpanId()))).hasSize(trace.parentCalls);
            assertThat(spans.stream().filter(s -> s.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR
                    && s.getName().startsWith("syscall: "))).hasSize(trace.failedCalls);
            assertThat(listener.summary().exported()).isEqualTo(trace.totalSpans());
            assertThat(listener.summary().batches()).isEqualTo(receiver.requestCount());
        }
    }

    @Test
    void unavailableCollectorIsRetriedThenCounted() throws Exception {
        try (OtlpGrpcReceiver receiver = new OtlpGrpcReceiver().failing(n -> n == 0 ? Status.UNAVAILABLE : null)) {
            OtlpSettings settings = OtlpSettings.builder().protocol("grpc").endpoint(receiver.url())
                    .batch(BatchSettings.defaults().withMaxExportBatchSize(1000)).build();
            SyntheticTrace trace = new SyntheticTrace(50, 0);
            OtlpTraceListener listener = HttpExportTest.listener(settings, new ByteArrayOutputStream());
            trace.run(listener);
            // first attempt UNAVAILABLE (retryable), the retry is accepted: nothing lost
            assertThat(receiver.acceptedSpans()).hasSize(trace.totalSpans());
            assertThat(listener.summary().dropped()).isZero();
            assertThat(listener.summary().failures()).isZero();
            assertThat(receiver.requestCount()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void permanentGrpcErrorIsCountedAsDropped() throws Exception {
        try (OtlpGrpcReceiver receiver = new OtlpGrpcReceiver().failing(n -> Status.INVALID_ARGUMENT)) {
            // one batch, sent at shutdown: the schedule timer cannot split it on a slow machine
            OtlpSettings settings = OtlpSettings.builder().protocol("grpc").endpoint(receiver.url())
                    .batch(BatchSettings.defaults().withScheduleDelay(java.time.Duration.ofSeconds(60))).build();
            SyntheticTrace trace = new SyntheticTrace(30, 0);
            OtlpTraceListener listener = HttpExportTest.listener(settings, new ByteArrayOutputStream());
            trace.run(listener);
            assertThat(receiver.accepted).isEmpty();
            assertThat(listener.summary().dropped()).isEqualTo(trace.totalSpans());
            assertThat(listener.summary().exported()).isZero();
            assertThat(listener.summary().failures()).isEqualTo(1);
        }
    }
}
