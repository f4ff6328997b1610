package dev.renacer.otlp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how spans are exported, resolved from the command line and the standard OpenTelemetry
 * environment variables with the precedence every OpenTelemetry SDK uses: the command line first,
 * then the signal-specific {@code OTEL_EXPORTER_OTLP_TRACES_*}, then the generic
 * {@code OTEL_EXPORTER_OTLP_*}. {@link Builder#build()} checks everything and throws
 * {@link IllegalArgumentException} with a one-line message for the user. The batching knobs come from
 * the caller's explicit values, then the SDK's {@code OTEL_BSP_*} variables, then {@link Builder#batch}'s
 * base (a preset).
 *
 * @param endpoint the full URL requests go to (for HTTP with {@code /v1/traces}), or null for no collector
 * @param requestTimeout bound on one request to the collector, retries included
 *     ({@code OTEL_EXPORTER_OTLP_[TRACES_]TIMEOUT}; 3 s by default, so that the final flush keeps its deadline)
 * @param file     the {@code --otlp-file} path, or null
 * @param sdkExporter send OTLP/HTTP with the OpenTelemetry exporter even where renacer's direct
 *     writer applies (plain http, no compression)
 */
public record OtlpSettings(Protocol protocol, URI endpoint, Map<String, String> headers, Path file,
                           String serviceName, TraceParent traceParent, BatchSettings batch,
                           Duration requestTimeout, Duration flushTimeout, String compression, boolean sdkExporter) {
    /** renacer's default request timeout (the SDK's is 10 s, longer than renacer's flush at exit). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

    public enum Protocol {
        HTTP_PROTOBUF("http/protobuf", 4318), GRPC("grpc", 4317);

        public final String optionName;
        public final int defaultPort;

        Protocol(String optionName, int defaultPort) {
            this.optionName = optionName;
            this.defaultPort = defaultPort;
        }
    }

    /** Anything to export to? */
    public boolean enabled() {
        return endpoint != null || file != null;
    }

    /** For the exit summary: where the spans went. */
    public String destination() {
        StringBuilder out = new StringBuilder();
        if (endpoint != null) out.append(protocol.optionName).append(' ').append(endpoint);
        if (file != null) out.append(out.length() > 0 ? ", " : "").append("file ").append(file);
        return out.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        /** Largest queue or batch size accepted. */
        public static final int MAX_COUNT = 1 << 24;
        private Map<String, String> env = Map.of();
        private String endpoint;
        private String protocol;
        private String serviceName;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Path file;
        private String traceParent;
        private BatchSettings batch = BatchSettings.defaults();
        private Integer maxExportBatchSize;
        private Duration scheduleDelay;
        private Integer maxQueueSize;
        private Duration exportTimeout;
        private Duration requestTimeout;
        private Duration flushTimeout = Duration.ofSeconds(5);
        private boolean sdkExporter;

        public Builder environment(Map<String, String> env) { this.env = env; return this; }
        public Builder endpoint(String url) { this.endpoint = url; return this; }
        public Builder protocol(String protocol) { this.protocol = protocol; return this; }
        public Builder serviceName(String name) { this.serviceName = name; return this; }
        public Builder header(String key, String value) { headers.put(key, value); return this; }
        public Builder file(Path path) { this.file = path; return this; }
        public Builder traceParent(String value) { this.traceParent = value; return this; }
        /** The batching to start from (a preset); OTEL_BSP_* and the explicit values below override it. */
        public Builder batch(BatchSettings batch) { this.batch = batch; return this; }
        /** Explicit values, as given on the command line, win over OTEL_BSP_*; null: not given. */
        public Builder maxExportBatchSize(Integer spans) { this.maxExportBatchSize = spans; return this; }
        public Builder scheduleDelay(Duration delay) { this.scheduleDelay = delay; return this; }
        public Builder maxQueueSize(Integer spans) { this.maxQueueSize = spans; return this; }
        public Builder exportTimeout(Duration timeout) { this.exportTimeout = timeout; return this; }
        /** Wins over OTEL_EXPORTER_OTLP_[TRACES_]TIMEOUT; null: not given. */
        public Builder requestTimeout(Duration timeout) { this.requestTimeout = timeout; return this; }
        public Builder flushTimeout(Duration timeout) { this.flushTimeout = timeout; return this; }
        public Builder sdkExporter(boolean use) { this.sdkExporter = use; return this; }

        public OtlpSettings build() {
            Protocol proto = parseProtocol(first(protocol, env("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"),
                    env("OTEL_EXPORTER_OTLP_PROTOCOL")));
            URI url = resolveEndpoint(proto);
            Map<String, String> allHeaders = new LinkedHashMap<>();
            parseHeaders("OTEL_EXPORTER_OTLP_HEADERS", allHeaders);
            parseHeaders("OTEL_EXPORTER_OTLP_TRACES_HEADERS", allHeaders);
            allHeaders.putAll(headers);
            String service = first(serviceName, env("OTEL_SERVICE_NAME"), serviceNameFromResourceAttributes(), "renacer");
            if (service.isBlank()) throw new IllegalArgumentException("the OTLP service name must not be empty");
            BatchSettings batchSettings = batchSettings();
            String timeout = first(env("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT"), env("OTEL_EXPORTER_OTLP_TIMEOUT"));
            Duration request = first(requestTimeout, timeout != null ? Duration.ofMillis(parseMillis(timeout)) : null,
                    DEFAULT_REQUEST_TIMEOUT);
            if (request.isNegative() || request.isZero()) throw new IllegalArgumentException("the OTLP request timeout must be positive");
            String compression = first(env("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION"), env("OTEL_EXPORTER_OTLP_COMPRESSION"), "none");
            if (!compression.equals("gzip") && !compression.equals("none")) {
                throw new IllegalArgumentException("unsupported OTLP compression '" + compression + "' (gzip or none)");
            }
            boolean enabled = url != null || file != null;
            TraceParent parent = null;
            // TRACEPARENT may be set for other tools: it only matters, and is only checked, when exporting
            String parentText = traceParent != null ? traceParent : enabled ? env("TRACEPARENT") : null;
            if (parentText != null) {
                TraceParent.Parsed parsed = TraceParent.parse(parentText);
                if (parsed.value().isEmpty()) {
                    String from = traceParent != null ? "--trace-parent" : "TRACEPARENT";
                    throw new IllegalArgumentException("invalid " + from + " '" + parentText + "': " + parsed.error()
                            + " (expected 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>)");
                }
                parent = parsed.value().get();
            }
            if (flushTimeout.isNegative()) throw new IllegalArgumentException("the OTLP flush timeout must not be negative");
            return new OtlpSettings(proto, url, Map.copyOf(allHeaders), file, service, parent, batchSettings,
                    request, flushTimeout, compression, sdkExporter);
        }

        /** The base, then OTEL_BSP_*, then the explicit values; the queue must hold at least one batch. */
        private BatchSettings batchSettings() {
            BatchSettings s = batch;
            Integer batchSize = first(maxExportBatchSize, count("OTEL_BSP_MAX_EXPORT_BATCH_SIZE"));
            Duration delay = first(scheduleDelay, millis("OTEL_BSP_SCHEDULE_DELAY"));
            Integer queue = first(maxQueueSize, count("OTEL_BSP_MAX_QUEUE_SIZE"));
            Duration exportWait = first(exportTimeout, millis("OTEL_BSP_EXPORT_TIMEOUT"));
            if (batchSize != null) s = s.withMaxExportBatchSize(batchSize);
            if (delay != null) s = s.withScheduleDelay(delay);
            if (queue != null) {
                if (queue < s.maxExportBatchSize()) {
                    throw new IllegalArgumentException("the OTLP max queue size (" + queue
                            + ") must be at least the max batch size (" + s.maxExportBatchSize() + ")");
                }
                s = s.withMaxQueueSize(queue);
            }
            if (exportWait != null) s = s.withExportTimeout(exportWait);
            return s;
        }

        /** A count of spans from {@code variable}: 1 to 2^24. */
        private Integer count(String variable) {
            Long v = nonNegative(variable);
            if (v == null) return null;
            if (v < 1 || v > MAX_COUNT) throw new IllegalArgumentException(variable + " must be between 1 and " + MAX_COUNT);
            return v.intValue();
        }

        /** Milliseconds from {@code variable}, as the SDK reads OTEL_BSP_SCHEDULE_DELAY and OTEL_BSP_EXPORT_TIMEOUT. */
        private Duration millis(String variable) {
            Long v = nonNegative(variable);
            return v == null ? null : Duration.ofMillis(v);
        }

        private Long nonNegative(String variable) {
            String value = env(variable);
            if (value == null || value.isBlank()) return null;
            try {
                long v = Long.parseLong(value.strip());
                if (v < 0) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid " + variable + " '" + value + "': expected a non-negative integer");
            }
        }

        private URI resolveEndpoint(Protocol proto) {
            if (endpoint != null) return parseEndpoint("--otlp-endpoint", endpoint, proto, true);
            String traces = env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
            if (traces != null) return parseEndpoint("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces, proto, false);
            String base = env("OTEL_EXPORTER_OTLP_ENDPOINT");
            if (base != null) return parseEndpoint("OTEL_EXPORTER_OTLP_ENDPOINT", base, proto, true);
            return null;
        }

        /**
         * @param appendSignalPath per the SDK spec, a base endpoint gets {@code /v1/traces} appended for
         *     HTTP; on the command line we append it only when the URL has no path of its own, so both
         *     {@code http://host:4318} and {@code http://host:4318/v1/traces} work
         */
        private URI parseEndpoint(String source, String text, Protocol proto, boolean appendSignalPath) {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid OTLP endpoint '" + text + "' (" + source + "): " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("invalid OTLP endpoint '" + text + "' (" + source
                        + "): expected an http:// or https:// URL, e.g. http://localhost:" + proto.defaultPort);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("invalid OTLP endpoint '" + text + "' (" + source + "): no host");
            }
            if (proto == Protocol.GRPC || !appendSignalPath) return uri;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            boolean fromCli = source.startsWith("--");
            if (fromCli && !path.isEmpty() && !path.equals("/")) return uri;
            String joined = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/v1/traces";
            return URI.create(scheme + "://" + uri.getRawAuthority() + joined);
        }

        private static Protocol parseProtocol(String value) {
            if (value == null) return Protocol.HTTP_PROTOBUF;
            for (Protocol p : Protocol.values()) {
                if (p.optionName.equals(value.strip())) return p;
            }
            throw new IllegalArgumentException("unsupported OTLP protocol '" + value + "' (http/protobuf or grpc)");
        }

        /** {@code key1=value1,key2=value2}, values percent-decoded, as the SDK reads OTEL_EXPORTER_OTLP_HEADERS. */
        private void parseHeaders(String variable, Map<String, String> into) {
            String value = env(variable);
            if (value == null || value.isBlank()) return;
            for (String pair : value.split(",")) {
                if (pair.isBlank()) continue;
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("invalid " + variable + ": '" + pair.strip() + "' is not key=value");
                into.put(pair.substring(0, eq).strip(), percentDecoded(variable, pair.substring(eq + 1).strip()));
            }
        }

        /** A percent-encoded value of {@code variable} (W3C Baggage octets, as the SDK reads them), or one line naming it. */
        private static String percentDecoded(String variable, String value) {
            try {
                return URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid " + variable + ": '" + value + "' has a % not followed by two hex digits");
            }
        }

        private String serviceNameFromResourceAttributes() {
            String attrs = env("OTEL_RESOURCE_ATTRIBUTES");
            if (attrs == null) return null;
            for (String pair : attrs.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals("service.name")) {
                    return percentDecoded("OTEL_RESOURCE_ATTRIBUTES", pair.substring(eq + 1).strip());
                }
            }
            return null;
        }

        private static long parseMillis(String value) {
            try {
                long ms = Long.parseLong(value.strip());
                if (ms <= 0) throw new NumberFormatException();
                return ms;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid OTLP timeout '" + value + "': expected a positive number of milliseconds");
            }
        }

        private String env(String name) {
            String v = env.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        @SafeVarargs
        private static <T> T first(T... values) {
            for (T v : values) if (v != null) return v;
            return null;
        }
    }
}
