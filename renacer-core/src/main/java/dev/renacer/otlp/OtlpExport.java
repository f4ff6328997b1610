package dev.renacer.otlp;

import dev.renacer.io.IoErrors;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles the export pipeline from {@link OtlpSettings}: events to spans by {@link OtlpTraceListener},
 * records from a {@link SpanPool}, batching by {@link BatchExporter}, and the exporter it hands batches
 * to: for plain-http OTLP/HTTP protobuf without compression (the default) renacer's own
 * {@link DirectOtlpHttpExporter} (its encoder, over a {@code java.net.Socket}); for OTLP/gRPC the
 * OpenTelemetry exporter over its OkHttp sender; for https, gzip or {@code --otlp-sdk-exporter} the
 * OpenTelemetry OTLP/HTTP exporter over the JDK HttpClient sender ({@link SenderChoice}); for
 * {@code --otlp-file} the OpenTelemetry exporter library's JSON marshaler ({@link OtlpJsonFileExporter}).
 */
public final class OtlpExport {
    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    public static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.builder("dev.renacer")
            .setVersion(version()).build();

    private OtlpExport() {}

    /**
     * Opens the file, builds the exporters and starts the exporter thread. Nothing connects yet: a
     * collector that is down costs nothing until the first batch, and then only on the exporter thread.
     *
     * @throws IllegalArgumentException with a one-line message when the file cannot be written
     */
    public static OtlpTraceListener start(OtlpSettings settings, PrintStream stderr) {
        ExporterErrors errors = ExporterErrors.install();
        SpanExporter exporter = spanExporter(settings);
        SpanPool pool = new SpanPool(settings.batch().poolCapacity());
        // a file alone cannot hang: the tracer waits for it rather than lose spans, as it waits for a slow -o file
        BatchExporter batcher = new BatchExporter(exporter, pool, settings.batch(), errors::last,
                BatchExporter.DEFAULT_MAX_IN_FLIGHT, settings.endpoint() == null);
        return new OtlpTraceListener(batcher, pool, resource(settings.serviceName()), SCOPE, new SpanIds(),
                settings.traceParent(), settings.flushTimeout(),
                OtlpTraceListener.printTo(stderr, settings.destination()));
    }

    /** service.name, and the SDK's telemetry.sdk.* attributes. */
    public static Resource resource(String serviceName) {
        return Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName)));
    }

    /**
     * The exporters the settings ask for, as one. Those that read records through the SpanData getters
     * (all but renacer's direct writer) are given their Strings first ({@link MaterializingExporter}).
     */
    public static SpanExporter spanExporter(OtlpSettings settings) {
        List<SpanExporter> exporters = new ArrayList<>(2);
        if (settings.endpoint() != null) exporters.add(networkExporter(settings));
        if (settings.file() != null) {
            try {
                exporters.add(new MaterializingExporter(new OtlpJsonFileExporter(settings.file(), ExporterErrors.install()::report)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the OTLP file " + settings.file() + ": " + IoErrors.reason(e));
            }
        }
        return exporters.size() == 1 ? exporters.get(0) : SpanExporter.composite(exporters);
    }

    /**
     * Bounded retries with exponential backoff (429, 502, 503, 504 and connection failures are
     * retried by the exporter), all inside the request timeout, so the final flush keeps its deadline.
     */
    static RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
                .setMaxAttempts(3)
                .setInitialBackoff(Duration.ofMillis(100))
                .setMaxBackoff(Duration.ofMillis(800))
                .setBackoffMultiplier(2.0)
                .build();
    }

    private static SpanExporter networkExporter(OtlpSettings settings) {
        Duration timeout = settings.requestTimeout();
        String endpoint = settings.endpoint().toString();
        if (usesDirectExporter(settings)) {
            // it sends on the batcher's own thread, which cannot stop waiting for it: its requests end
            // within the batch export timeout too (OTEL_BSP_EXPORT_TIMEOUT)
            Duration batchWait = settings.batch().exportTimeout();
            if (!batchWait.isZero() && batchWait.compareTo(timeout) < 0) timeout = batchWait;
            ExporterErrors errors = ExporterErrors.install();
            return new DirectOtlpHttpExporter(settings.endpoint(), settings.headers(), timeout, connectTimeout(timeout),
                    retryPolicy(), errors::report);
        }
        return new MaterializingExporter(openTelemetryExporter(settings, endpoint, timeout));
    }

    private static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1);
    }

    private static SpanExporter openTelemetryExporter(OtlpSettings settings, String endpoint, Duration timeout) {
        Duration connectTimeout = connectTimeout(timeout);
        if (settings.protocol() == OtlpSettings.Protocol.GRPC) {
            var b = OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).setTimeout(timeout)
                    .setConnectTimeout(connectTimeout).setRetryPolicy(retryPolicy())
                    .setMemoryMode(MemoryMode.REUSABLE_DATA).setCompression(settings.compression());
            for (Map.Entry<String, String> h : settings.headers().entrySet()) b.addHeader(h.getKey(), h.getValue());
            return b.build();
        }
        var b = OtlpHttpSpanExporter.builder().setComponentLoader(SenderChoice.preferJdkHttpSender())
                .setEndpoint(endpoint).setTimeout(timeout)
                .setConnectTimeout(connectTimeout).setRetryPolicy(retryPolicy())
                .setMemoryMode(MemoryMode.REUSABLE_DATA).setCompression(settings.compression());
        for (Map.Entry<String, String> h : settings.headers().entrySet()) b.addHeader(h.getKey(), h.getValue());
        return b.build();
    }

    /** Plain-http OTLP/HTTP protobuf without compression: renacer's own writer (see DirectOtlpHttpExporter). */
    static boolean usesDirectExporter(OtlpSettings settings) {
        return settings.protocol() == OtlpSettings.Protocol.HTTP_PROTOBUF && !settings.sdkExporter()
                && "http".equalsIgnoreCase(settings.endpoint().getScheme()) && "none".equals(settings.compression());
    }

    private static String version() {
        String v = OtlpExport.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
