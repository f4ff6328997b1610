package dev.renacer.otlp;

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
 * Assembles the export pipeline from {@link OtlpSettings}: transport and encoding by the OpenTelemetry
 * exporters (OTLP/HTTP protobuf, OTLP/gRPC, and the OTLP/JSON file), batching by {@link BatchExporter},
 * records from a {@link SpanPool}, events to spans by {@link OtlpTraceListener}.
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
        BatchExporter batcher = new BatchExporter(exporter, pool, settings.batch(), errors::last);
        return new OtlpTraceListener(batcher, pool, resource(settings.serviceName()), SCOPE, new SpanIds(),
                settings.traceParent(), settings.flushTimeout(),
                OtlpTraceListener.printTo(stderr, settings.destination()));
    }

    /** service.name, and the SDK's telemetry.sdk.* attributes. */
    public static Resource resource(String serviceName) {
        return Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName)));
    }

    /** The exporters the settings ask for, as one. */
    public static SpanExporter spanExporter(OtlpSettings settings) {
        List<SpanExporter> exporters = new ArrayList<>(2);
        if (settings.endpoint() != null) exporters.add(networkExporter(settings));
        if (settings.file() != null) {
            try {
                exporters.add(new OtlpJsonFileExporter(settings.file()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the OTLP file " + settings.file() + ": " + e.getMessage());
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
        Duration timeout = settings.batch().exportTimeout();
        Duration connectTimeout = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1);
        String endpoint = settings.endpoint().toString();
        if (usesDirectExporter(settings)) {
            ExporterErrors errors = ExporterErrors.install();
            return new DirectOtlpHttpExporter(settings.endpoint(), settings.headers(), timeout, connectTimeout,
                    retryPolicy(), errors::report);
        }
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
