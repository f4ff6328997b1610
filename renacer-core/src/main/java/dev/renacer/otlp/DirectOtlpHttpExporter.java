package dev.renacer.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OTLP/HTTP protobuf export of renacer's pooled records, in three parts as the OpenTelemetry SDK
 * separates them: encoding ({@link OtlpProtoEncoder}, straight from the records' buffers), retries
 * ({@link RetryingSender}) and transport (one kept-alive {@link Http1Connection}); no allocation per
 * span. Why not the OpenTelemetry exporter here: measured in renacer-bench (docs/otlp.md), its
 * encoding costs ~480 ns and 136 B a span and its HTTP senders add a copy and a thread hand-off per
 * request; this path is what reaches the throughput goal. The OpenTelemetry exporter still serves
 * gRPC, https, gzip and {@code --otlp-sdk-exporter}.
 *
 * <p>{@link #export} runs on the calling (exporter) thread, one request at a time, and returns a
 * completed result.
 */
public final class DirectOtlpHttpExporter implements SpanExporter {
    private final OtlpProtoEncoder encoder = new OtlpProtoEncoder();
    private final RetryingSender sender;

    public DirectOtlpHttpExporter(URI endpoint, Map<String, String> headers, Duration timeout, Duration connectTimeout,
                                  RetryPolicy retry, Consumer<String> errors) {
        HttpTransport connection = new Http1Connection(endpoint, headers, (int) Math.max(1, connectTimeout.toMillis()));
        this.sender = new RetryingSender(connection, retry, timeout, errors);
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        encoder.encode(spans instanceof List<SpanData> list ? list : new ArrayList<>(spans));
        return sender.send(encoder.array(), encoder.length()) ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        sender.shutdown();
        return CompletableResultCode.ofSuccess();
    }
}
