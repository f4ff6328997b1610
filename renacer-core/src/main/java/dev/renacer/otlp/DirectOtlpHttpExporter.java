package dev.renacer.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OTLP/HTTP protobuf export of renacer's pooled records with its own encoder
 * ({@link OtlpProtoEncoder}) over one kept-alive connection ({@link Http1Connection}): no allocation
 * per span. Why not the OpenTelemetry exporter here: measured in renacer-bench (docs/otlp.md), its
 * encoding costs ~480 ns and 136 B a span and its HTTP senders add a copy and a thread hand-off per
 * request; this path is what reaches the throughput goal. The OpenTelemetry exporter still serves
 * gRPC, https, gzip and {@code --otlp-sdk-exporter}.
 *
 * <p>Retries follow the OTLP specification and the OpenTelemetry exporter's policy: 429, 502, 503,
 * 504 and connection failures are retried with exponential backoff, a bounded number of times, all
 * within the export timeout; anything else fails the batch at once. {@link #export} runs on the
 * calling (exporter) thread and returns a completed result.
 */
public final class DirectOtlpHttpExporter implements SpanExporter {
    private final OtlpProtoEncoder encoder = new OtlpProtoEncoder();
    private final Http1Connection connection;
    private final RetryPolicy retry;
    private final long timeoutNanos;
    private final Consumer<String> errors;
    private volatile boolean shutdown;

    public DirectOtlpHttpExporter(URI endpoint, Map<String, String> headers, Duration timeout, Duration connectTimeout,
                                  RetryPolicy retry, Consumer<String> errors) {
        this.connection = new Http1Connection(endpoint, headers, (int) Math.max(1, connectTimeout.toMillis()));
        this.retry = retry;
        this.timeoutNanos = timeout.toNanos();
        this.errors = errors;
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (shutdown) return CompletableResultCode.ofFailure();
        encoder.encode(spans instanceof List<SpanData> list ? list : new ArrayList<>(spans));
        long deadline = System.nanoTime() + timeoutNanos;
        long backoffNanos = retry.getInitialBackoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                errors.accept("export timed out after " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
                return CompletableResultCode.ofFailure();
            }
            boolean retryable;
            try {
                int status = connection.post(encoder.array(), encoder.length(), (int) Math.max(1, remaining / 1_000_000));
                if (status >= 200 && status < 300) return CompletableResultCode.ofSuccess();
                errors.accept("the collector answered HTTP " + status);
                retryable = status == 429 || status == 502 || status == 503 || status == 504;
            } catch (IOException e) {
                errors.accept(e.getClass().getSimpleName() + ": " + e.getMessage());
                retryable = true;
            }
            if (!retryable || attempt >= retry.getMaxAttempts() || shutdown) return CompletableResultCode.ofFailure();
            // full jitter, as the OpenTelemetry exporter does, capped by what is left of the timeout
            long sleep = (long) (Math.random() * backoffNanos);
            if (System.nanoTime() + sleep >= deadline) return CompletableResultCode.ofFailure();
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableResultCode.ofFailure();
            }
            backoffNanos = Math.min((long) (backoffNanos * retry.getBackoffMultiplier()), retry.getMaxBackoff().toNanos());
        }
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        shutdown = true;
        connection.close(); // unblocks a request stuck on a dead collector
        return CompletableResultCode.ofSuccess();
    }
}
