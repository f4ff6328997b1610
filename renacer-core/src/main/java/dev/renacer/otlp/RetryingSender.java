package dev.renacer.otlp;

import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sends one encoded request through an {@link HttpTransport} with the OTLP retry rules, as the
 * OpenTelemetry exporter's senders apply its {@link RetryPolicy}: 429, 502, 503, 504 and connection
 * failures are retried with exponential backoff and full jitter, a bounded number of times, all within
 * the request timeout; any other answer fails the request at once. Runs on the calling thread.
 */
final class RetryingSender {
    private final HttpTransport transport;
    private final RetryPolicy retry;
    private final long timeoutNanos;
    private final Consumer<String> errors;
    private volatile boolean shutdown;
    private final HttpAnswer answer = new HttpAnswer(); // the sending thread's, reused

    /** @param errors told what went wrong at each failed attempt, for the exit summary */
    RetryingSender(HttpTransport transport, RetryPolicy retry, Duration timeout, Consumer<String> errors) {
        this.transport = transport;
        this.retry = retry;
        this.timeoutNanos = timeout.toNanos();
        this.errors = errors;
    }

    /** @return true when the collector accepted the request (HTTP 2xx) */
    boolean send(byte[] body, int length) {
        if (shutdown) return false;
        long deadline = System.nanoTime() + timeoutNanos;
        long backoffNanos = retry.getInitialBackoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                errors.accept("export timed out after " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
                return false;
            }
            boolean retryable;
            long retryAfterMillis = HttpAnswer.NO_RETRY_AFTER;
            try {
                transport.post(body, length, (int) Math.max(1, remaining / 1_000_000), answer);
                int status = answer.status;
                if (status >= 200 && status < 300) return true;
                errors.accept("the collector answered HTTP " + status);
                retryable = status == 429 || status == 502 || status == 503 || status == 504;
                retryAfterMillis = answer.retryAfterMillis;
            } catch (IOException e) {
                errors.accept(e.getClass().getSimpleName() + ": " + e.getMessage());
                retryable = true;
            }
            if (!retryable || attempt >= retry.getMaxAttempts() || shutdown) return false;
            // the collector's Retry-After when it gave one (the OTLP specification: clients SHOULD honour
            // it), else full jitter as the OpenTelemetry exporter does; never past the request's timeout
            long sleep = retryAfterMillis >= 0 ? Math.min(retryAfterMillis, Long.MAX_VALUE / 2_000_000) * 1_000_000
                    : (long) (Math.random() * backoffNanos);
            if (System.nanoTime() + sleep >= deadline) {
                if (retryAfterMillis >= 0) {
                    errors.accept("the collector answered HTTP " + answer.status + " and asked to retry after "
                            + retryAfterMillis + " ms, past the export timeout");
                }
                return false;
            }
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoffNanos = Math.min((long) (backoffNanos * retry.getBackoffMultiplier()), retry.getMaxBackoff().toNanos());
        }
    }

    /** No more attempts; the transport is closed, which unblocks a request stuck on a dead collector. */
    void shutdown() {
        shutdown = true;
        transport.close();
    }
}
