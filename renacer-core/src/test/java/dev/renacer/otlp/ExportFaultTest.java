package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.testing.SyntheticTrace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector misbehaves; the trace must not suffer: every listener call returns, retries are
 * bounded, and every span is either acknowledged by the receiver or counted as dropped. Each case
 * runs with renacer's direct writer and with the OpenTelemetry exporter (--otlp-sdk-exporter).
 */
class ExportFaultTest {

    private static final BatchSettings SMALL_BATCHES = BatchSettings.defaults().withMaxExportBatchSize(40)
            .withExportTimeout(Duration.ofMillis(1500));

    private static OtlpTraceListener run(OtlpSettings settings, SyntheticTrace trace, ByteArrayOutputStream stderr) {
        OtlpTraceListener listener = HttpExportTest.listener(settings, stderr);
        trace.run(listener);
        ExportSummary s = listener.summary();
        assertThat(s.exported() + s.dropped()).as("every span exported or counted dropped").isEqualTo(trace.totalSpans());
        assertThat(s.spans()).isEqualTo(trace.totalSpans());
        return listener;
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void http500LosesTheBatchesAndCountsThem(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver().answering(n -> OtlpHttpReceiver.Answer.status(500))) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            SyntheticTrace trace = new SyntheticTrace(150, 0);
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl()).batch(SMALL_BATCHES).build(), trace, stderr);
            assertThat(listener.summary().exported()).isZero();
            assertThat(listener.summary().dropped()).isEqualTo(trace.totalSpans());
            assertThat(listener.summary().failures()).isEqualTo(receiver.requestCount()); // 500 is not retried
            assertThat(stderr.toString(StandardCharsets.UTF_8))
                    .startsWith("renacer: otlp: 0 spans exported, " + trace.totalSpans() + " dropped, 0 batches sent, "
                            + receiver.requestCount() + " failures")
                    .contains("500")
                    .hasLineCount(1);
        }
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void http429IsRetriedABoundedNumberOfTimes(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver().answering(n -> OtlpHttpReceiver.Answer.status(429))) {
            SyntheticTrace trace = new SyntheticTrace(70, 0);
            // batches cut by size and at shutdown only, not by the schedule timer: a count that a slow
            // machine cannot change
            BatchSettings batch = SMALL_BATCHES.withScheduleDelay(Duration.ofSeconds(60));
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl()).batch(batch).build(),
                    trace, new ByteArrayOutputStream());
            long batches = listener.summary().failures();
            assertThat(batches).isEqualTo(2); // 72 spans in batches of 40
            assertThat(receiver.requestCount()).isEqualTo(batches * OtlpExport.retryPolicy().getMaxAttempts());
            assertThat(listener.summary().dropped()).isEqualTo(trace.totalSpans());
        }
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void aPassing429IsRetriedAndNothingIsLost(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()
                .answering(n -> n == 0 ? OtlpHttpReceiver.Answer.status(429) : OtlpHttpReceiver.Answer.status(n == 2 ? 503 : 200))) {
            SyntheticTrace trace = new SyntheticTrace(200, 20);
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl()).batch(SMALL_BATCHES).build(),
                    trace, new ByteArrayOutputStream());
            assertThat(listener.summary().dropped()).isZero();
            assertThat(receiver.acceptedSpans()).hasSize(trace.totalSpans());
        }
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void aRetryAfterIsWaitedForAsTheOtlpSpecificationSays(boolean sdk) throws Exception {
        // 429 with Retry-After: 1, then 200: the second attempt comes at least a second after the first
        // (the OpenTelemetry exporter 1.68 honours it too: its RetryUtil reads Retry-After)
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()
                .answering(n -> n == 0 ? OtlpHttpReceiver.Answer.retryAfter(429, "1") : OtlpHttpReceiver.Answer.OK)) {
            SyntheticTrace trace = new SyntheticTrace(10, 0);
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl())
                    .requestTimeout(Duration.ofSeconds(20)).build(), trace, new ByteArrayOutputStream());
            assertThat(listener.summary().dropped()).isZero();
            assertThat(receiver.arrivals).hasSize(2);
            assertThat(receiver.arrivals.get(1) - receiver.arrivals.get(0)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void aRetryAfterPastTheTimeoutGivesUpAndSaysWhy() throws Exception {
        // asked to come back in an hour with a 3 s request timeout: the batch is lost at once, and the summary says why
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver().answering(n -> OtlpHttpReceiver.Answer.retryAfter(503, "3600"))) {
            SyntheticTrace trace = new SyntheticTrace(10, 0);
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            OtlpTraceListener listener = run(OtlpSettings.builder().endpoint(receiver.baseUrl()).build(), trace, stderr);
            assertThat(listener.summary().dropped()).isEqualTo(trace.totalSpans());
            assertThat(receiver.requestCount()).isEqualTo(1);
            assertThat(stderr.toString()).contains("asked to retry after 3600000 ms, past the export timeout");
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        assertThat(HttpAnswer.parseRetryAfter("120", now)).isEqualTo(120_000);
        assertThat(HttpAnswer.parseRetryAfter("Tue, 01 Dec 2026 10:00:30 GMT", now)).isEqualTo(30_000);
        assertThat(HttpAnswer.parseRetryAfter("Tue, 01 Dec 2026 09:00:00 GMT", now)).isZero();
        assertThat(HttpAnswer.parseRetryAfter("soon", now)).isEqualTo(HttpAnswer.NO_RETRY_AFTER);
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void slowCollectorPastTheTimeoutCountsWhatItMayHaveLost(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()
                .answering(n -> n == 0 ? OtlpHttpReceiver.Answer.slow(2500) : OtlpHttpReceiver.Answer.OK)) {
            SyntheticTrace trace = new SyntheticTrace(100, 0);
            BatchSettings batch = SMALL_BATCHES.withExportTimeout(Duration.ofMillis(400));
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl()).batch(batch).build(),
                    trace, new ByteArrayOutputStream());
            long received = receiver.acceptedSpans().stream().map(s -> s.getSpanId()).distinct().count();
            assertThat(listener.summary().failures()).isGreaterThanOrEqualTo(1);
            assertThat(listener.summary().exported()).isLessThanOrEqualTo(received);
            assertThat(received + listener.summary().dropped()).isGreaterThanOrEqualTo(trace.totalSpans());
        }
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void connectionClosedMidRequestIsAFailureNotAnException(boolean sdk) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> resetEveryConnection(server, connections), "test-resetter");
            acceptor.setDaemon(true);
            acceptor.start();
            SyntheticTrace trace = new SyntheticTrace(60, 0);
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint("http://127.0.0.1:" + server.getLocalPort())
                    .batch(SMALL_BATCHES).build(), trace, new ByteArrayOutputStream());
            assertThat(connections.get()).isGreaterThanOrEqualTo(1);
            assertThat(listener.summary().exported()).isZero();
            assertThat(listener.summary().failures()).isGreaterThanOrEqualTo(1);
        }
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void collectorDownLosesEverythingAndSaysSo(boolean sdk) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed when the block ends: nothing listens there
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        SyntheticTrace trace = new SyntheticTrace(100, 10);
        OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint("http://127.0.0.1:" + port).batch(SMALL_BATCHES)
                .flushTimeout(Duration.ofSeconds(3)).build(), trace, stderr);
        assertThat(listener.summary().exported()).isZero();
        assertThat(listener.summary().dropped()).isEqualTo(trace.totalSpans());
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("renacer: otlp: 0 spans exported, "
                + trace.totalSpans() + " dropped").hasLineCount(1);
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void fullQueueDropsAndCountsWithoutWaiting(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver().answering(n -> OtlpHttpReceiver.Answer.slow(300))) {
            SyntheticTrace trace = new SyntheticTrace(3000, 0);
            BatchSettings tiny = new BatchSettings(32, Duration.ofMillis(5), 64, Duration.ofSeconds(5), 16);
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl()).batch(tiny)
                    .flushTimeout(Duration.ofSeconds(10)).build(), trace, new ByteArrayOutputStream());
            assertThat(listener.summary().dropped()).isPositive();
            assertThat(listener.summary().failures()).isZero();
            assertThat(receiver.acceptedSpans()).hasSize((int) listener.summary().exported());
        }
    }

    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void flushDeadlineEndsTheWaitAndCountsTheRest(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver().answering(n -> OtlpHttpReceiver.Answer.slow(4000))) {
            SyntheticTrace trace = new SyntheticTrace(50, 0);
            BatchSettings batch = SMALL_BATCHES.withExportTimeout(Duration.ofSeconds(30));
            OtlpTraceListener listener = run(OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl()).batch(batch)
                    .flushTimeout(Duration.ofMillis(300)).build(), trace, new ByteArrayOutputStream());
            assertThat(listener.summary().exported()).isZero();
            assertThat(listener.summary().dropped()).isEqualTo(trace.totalSpans());
            assertThat(listener.summary().failures()).isGreaterThanOrEqualTo(1);
        }
    }

    /**
     * OTEL_BSP_EXPORT_TIMEOUT bounds the wait for one export, as in the SDK's BatchSpanProcessor: the
     * collector holds the first two requests far longer than the exporter's own timeout allows, and
     * the batches after them still get through. Without the bound both request slots would stay taken
     * until the flush deadline and nothing would be exported.
     */
    @ParameterizedTest(name = "sdkExporter={0}")
    @ValueSource(booleans = {false, true})
    void theBatchExportTimeoutGivesUpOnAStuckRequestAndTheNextBatchesGo(boolean sdk) throws Exception {
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()
                .answering(n -> n < 2 ? OtlpHttpReceiver.Answer.slow(30_000) : OtlpHttpReceiver.Answer.OK)) {
            SyntheticTrace trace = new SyntheticTrace(200, 0);
            OtlpSettings settings = OtlpSettings.builder().sdkExporter(sdk).endpoint(receiver.baseUrl())
                    .environment(java.util.Map.of("OTEL_BSP_EXPORT_TIMEOUT", "300", "OTEL_EXPORTER_OTLP_TIMEOUT", "60000",
                            "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "40"))
                    .flushTimeout(Duration.ofSeconds(20)).build();
            assertThat(settings.batch().exportTimeout()).isEqualTo(Duration.ofMillis(300));
            OtlpTraceListener listener = run(settings, trace, new ByteArrayOutputStream());
            assertThat(listener.summary().failures()).as("the two stuck requests").isEqualTo(2);
            assertThat(listener.summary().exported()).as("the batches after them").isPositive()
                    .isEqualTo(receiver.acceptedSpans().size());
        }
    }

    private static void resetEveryConnection(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                socket.getInputStream().readNBytes(100); // part of the request, then a reset
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                return;
            }
        }
    }
}
