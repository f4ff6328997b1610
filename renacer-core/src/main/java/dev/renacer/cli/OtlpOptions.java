package dev.renacer.cli;

import dev.renacer.cli.OptionModel.Field;
import dev.renacer.otlp.BatchSettings;
import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.OtlpSettings;
import dev.renacer.trace.TraceListener;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.renacer.cli.OptionModel.bound;
import static dev.renacer.cli.OptionModel.option;

/**
 * The OpenTelemetry export options (added to the command by {@link #addTo}). Every value is checked in
 * {@link #createListener} before the trace starts; the standard {@code OTEL_*} variables fill in what
 * the command line leaves out, as in every OpenTelemetry SDK.
 */
public final class OtlpOptions {

    /** Adds these options to {@code spec}, bound to this object's fields (the model is built by hand: {@link OptionModel}). */
    public void addTo(CommandSpec spec) {
        spec.addOption(bound(option("--otlp-endpoint").type(String.class).paramLabel("URL")
                .description("Send spans to this OTLP collector (http/protobuf: http://HOST:4318, /v1/traces is added "
                    + "when the URL has no path; grpc: http://HOST:4317). Default: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "
                    + "OTEL_EXPORTER_OTLP_ENDPOINT."),
                new Field<String>() {
                    @Override String value() { return endpoint; }
                    @Override void accept(String v) { endpoint = v; }
                }));
        spec.addOption(bound(option("--otlp-protocol").type(String.class).paramLabel("PROTOCOL")
                .description("http/protobuf (default) or grpc. Default: OTEL_EXPORTER_OTLP_PROTOCOL."),
                new Field<String>() {
                    @Override String value() { return protocol; }
                    @Override void accept(String v) { protocol = v; }
                }));
        spec.addOption(bound(option("--otlp-service-name").type(String.class).paramLabel("NAME")
                .description("service.name of the exported resource. Default: OTEL_SERVICE_NAME, else renacer."),
                new Field<String>() {
                    @Override String value() { return serviceName; }
                    @Override void accept(String v) { serviceName = v; }
                }));
        spec.addOption(bound(option("--otlp-header").type(List.class).auxiliaryTypes(String.class).paramLabel("KEY=VALUE")
                .description("Add a request header (repeatable), after those of OTEL_EXPORTER_OTLP_HEADERS."),
                new Field<List<String>>() {
                    @Override List<String> value() { return headers; }
                    @Override void accept(List<String> v) { headers = v; }
                }));
        spec.addOption(bound(option("--otlp-file").type(Path.class).paramLabel("PATH")
                .description("Write the spans to PATH as OTLP/JSON, one export request per line (what the collector's "
                    + "otlpjsonfile receiver reads). Needs no collector."),
                new Field<Path>() {
                    @Override Path value() { return file; }
                    @Override void accept(Path v) { file = v; }
                }));
        spec.addOption(bound(option("--trace-parent").type(String.class).paramLabel("TRACEPARENT")
                .description("Put the trace under this W3C traceparent (00-TRACEID-SPANID-FLAGS). Default: TRACEPARENT."),
                new Field<String>() {
                    @Override String value() { return traceParent; }
                    @Override void accept(String v) { traceParent = v; }
                }));
        spec.addOption(bound(option("--otlp-batch-preset").type(String.class).paramLabel("PRESET")
                .description("balanced (default: 512 spans, 200 ms, queue 8192), aggressive (2048, 1 s, 32768) or "
                    + "low-latency (64, 20 ms, 4096)."),
                new Field<String>() {
                    @Override String value() { return batchPreset; }
                    @Override void accept(String v) { batchPreset = v; }
                }));
        spec.addOption(bound(option("--otlp-max-batch-size").type(Integer.class).paramLabel("N")
                .description("Spans per export request. Default: OTEL_BSP_MAX_EXPORT_BATCH_SIZE, else the preset's."),
                new Field<Integer>() {
                    @Override Integer value() { return maxBatchSize; }
                    @Override void accept(Integer v) { maxBatchSize = v; }
                }));
        spec.addOption(bound(option("--otlp-schedule-delay").type(Long.class).paramLabel("MS")
                .description("Longest a span waits for its batch, in ms. Default: OTEL_BSP_SCHEDULE_DELAY, else the preset's."),
                new Field<Long>() {
                    @Override Long value() { return scheduleDelayMillis; }
                    @Override void accept(Long v) { scheduleDelayMillis = v; }
                }));
        spec.addOption(bound(option("--otlp-max-queue-size").type(Integer.class).paramLabel("N")
                .description("Spans waiting for export; more are dropped and counted. Default: OTEL_BSP_MAX_QUEUE_SIZE, else the preset's."),
                new Field<Integer>() {
                    @Override Integer value() { return maxQueueSize; }
                    @Override void accept(Integer v) { maxQueueSize = v; }
                }));
        spec.addOption(bound(option("--otlp-pool-capacity").type(Integer.class).paramLabel("N")
                .description("Span records made up front (the pool grows past it when needed). Default: 1024."),
                new Field<Integer>() {
                    @Override Integer value() { return poolCapacity; }
                    @Override void accept(Integer v) { poolCapacity = v; }
                }));
        spec.addOption(bound(option("--otlp-sdk-exporter").type(boolean.class)
                .description("Send OTLP/HTTP with the OpenTelemetry SDK's exporter instead of renacer's direct writer "
                    + "(always used for grpc, https and gzip). Slower; the bytes are the same protocol."),
                new Field<Boolean>() {
                    @Override Boolean value() { return sdkExporter; }
                    @Override void accept(Boolean v) { sdkExporter = v; }
                }));
        spec.addOption(bound(option("--otlp-flush-timeout").type(Long.class).paramLabel("MS")
                .description("Longest renacer waits at exit for the last spans to be sent. Default: 5000."),
                new Field<Long>() {
                    @Override Long value() { return flushTimeoutMillis; }
                    @Override void accept(Long v) { flushTimeoutMillis = v; }
                }));
    }

    String endpoint;

    String protocol;

    String serviceName;

    List<String> headers = new ArrayList<>();

    Path file;

    String traceParent;

    String batchPreset;

    Integer maxBatchSize;

    Long scheduleDelayMillis;

    Integer maxQueueSize;

    Integer poolCapacity;

    boolean sdkExporter;

    Long flushTimeoutMillis;

    /**
     * Checks the options and variables (throwing {@link UsageException} for bad ones, before anything
     * starts) and returns the exporting listener, or null when no export is configured.
     */
    public TraceListener createListener(RunContext context) {
        OtlpSettings settings;
        try {
            settings = settings(context.environment());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!settings.enabled()) return null;
        try {
            return OtlpExport.start(settings, context.stderr());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The resolved settings; {@link IllegalArgumentException} with a one-line message when something is wrong. */
    OtlpSettings settings(Map<String, String> env) {
        OtlpSettings.Builder b = OtlpSettings.builder().environment(env)
                .endpoint(endpoint).protocol(protocol).serviceName(serviceName).file(file).traceParent(traceParent)
                .batch(preset()).sdkExporter(sdkExporter)
                // OTEL_BSP_* fill in what these leave out: the library reads them
                .maxExportBatchSize(count("--otlp-max-batch-size", maxBatchSize))
                .maxQueueSize(count("--otlp-max-queue-size", maxQueueSize));
        if (scheduleDelayMillis != null) {
            if (scheduleDelayMillis < 0) throw new IllegalArgumentException("--otlp-schedule-delay must not be negative");
            b.scheduleDelay(Duration.ofMillis(scheduleDelayMillis));
        }
        for (String header : headers) {
            int eq = header.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("invalid --otlp-header '" + header + "': expected KEY=VALUE");
            b.header(header.substring(0, eq).strip(), header.substring(eq + 1).strip());
        }
        if (flushTimeoutMillis != null) {
            if (flushTimeoutMillis < 0) throw new IllegalArgumentException("--otlp-flush-timeout must not be negative");
            b.flushTimeout(Duration.ofMillis(flushTimeoutMillis));
        }
        OtlpSettings settings = b.build();
        if (poolCapacity != null) {
            // more records than can be queued plus one batch being sent are never in use at once
            BatchSettings batch = settings.batch();
            long most = (long) batch.maxQueueSize() + batch.maxExportBatchSize();
            if (poolCapacity > most) {
                throw new IllegalArgumentException("--otlp-pool-capacity must be between 0 and " + most
                        + " (the queue size plus one batch: no more records are ever in use)");
            }
        }
        return settings;
    }

    /** The preset's batching, with the pool capacity asked for. */
    private BatchSettings preset() {
        BatchSettings s = BatchSettings.defaults();
        if (batchPreset != null) {
            BatchSettings.Preset preset = BatchSettings.Preset.fromOptionName(batchPreset);
            if (preset == null) {
                throw new IllegalArgumentException("unknown --otlp-batch-preset '" + batchPreset
                        + "' (balanced, aggressive or low-latency)");
            }
            s = preset.settings();
        }
        if (poolCapacity != null) {
            if (poolCapacity < 0) throw new IllegalArgumentException("--otlp-pool-capacity must not be negative");
            s = s.withPoolCapacity(poolCapacity);
        }
        return s;
    }

    private static Integer count(String option, Integer value) {
        if (value != null && (value < 1 || value > OtlpSettings.Builder.MAX_COUNT)) {
            throw new IllegalArgumentException(option + " must be between 1 and " + OtlpSettings.Builder.MAX_COUNT);
        }
        return value;
    }
}
