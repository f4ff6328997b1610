package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line and the OTEL_* variables, resolved as every OpenTelemetry SDK resolves them. */
class OtlpSettingsTest {

    private static OtlpSettings.Builder env(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return OtlpSettings.builder().environment(m);
    }

    @Test
    void nothingConfiguredMeansNoExport() {
        assertThat(env().build().enabled()).isFalse();
        assertThat(env("OTEL_SERVICE_NAME", "x", "TRACEPARENT", "junk").build().enabled()).isFalse();
    }

    @Test
    void genericEndpointGetsTheSignalPathForHttpButNotForGrpc() {
        assertThat(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318").build().endpoint())
                .hasToString("http://collector:4318/v1/traces");
        assertThat(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/base/").build().endpoint())
                .hasToString("http://collector:4318/base/v1/traces");
        assertThat(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").build().endpoint())
                .hasToString("http://collector:4317");
    }

    @Test
    void tracesEndpointIsUsedAsIsAndWinsOverTheGenericOne() {
        OtlpSettings s = env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://b:9999/custom").build();
        assertThat(s.endpoint()).hasToString("http://b:9999/custom");
    }

    @Test
    void commandLineWinsAndAddsThePathOnlyWhenThereIsNone() {
        assertThat(env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://b:1/x").endpoint("http://c:4318").build().endpoint())
                .hasToString("http://c:4318/v1/traces");
        assertThat(env().endpoint("http://c:4318/v1/traces").build().endpoint()).hasToString("http://c:4318/v1/traces");
        assertThat(env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").protocol("http/protobuf").endpoint("http://c:4318").build().protocol())
                .isEqualTo(OtlpSettings.Protocol.HTTP_PROTOBUF);
    }

    @Test
    void serviceNameHeadersAndTimeoutComeFromTheStandardVariables() {
        OtlpSettings s = env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-resource,team=x",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=secret%3D1, x=y",
                "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "x=z",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "1234").header("cli", "1").build();
        assertThat(s.serviceName()).isEqualTo("from-resource");
        assertThat(s.headers()).isEqualTo(Map.of("api-key", "secret=1", "x", "z", "cli", "1"));
        assertThat(s.requestTimeout().toMillis()).isEqualTo(1234);
        assertThat(env("OTEL_SERVICE_NAME", "svc", "OTEL_RESOURCE_ATTRIBUTES", "service.name=r").build().serviceName()).isEqualTo("svc");
        assertThat(env().build().serviceName()).isEqualTo("renacer");
    }

    @Test
    void theBatchProcessorVariablesAreReadByTheLibraryOverThePreset() {
        BatchSettings s = env("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "100", "OTEL_BSP_SCHEDULE_DELAY", "70",
                "OTEL_BSP_MAX_QUEUE_SIZE", "1000", "OTEL_BSP_EXPORT_TIMEOUT", "2500")
                .batch(BatchSettings.Preset.AGGRESSIVE.settings()).build().batch();
        assertThat(s.maxExportBatchSize()).isEqualTo(100);
        assertThat(s.scheduleDelay().toMillis()).isEqualTo(70);
        assertThat(s.maxQueueSize()).isEqualTo(1000);
        assertThat(s.exportTimeout().toMillis()).isEqualTo(2500);
        assertThat(s.poolCapacity()).isEqualTo(1024);

        // what the variables leave out is the preset's; the SDK's 30 s export timeout by default
        BatchSettings preset = env("OTEL_BSP_SCHEDULE_DELAY", "5").batch(BatchSettings.Preset.LOW_LATENCY.settings()).build().batch();
        assertThat(preset.maxExportBatchSize()).isEqualTo(64);
        assertThat(preset.maxQueueSize()).isEqualTo(4096);
        assertThat(preset.scheduleDelay().toMillis()).isEqualTo(5);
        assertThat(preset.exportTimeout()).isEqualTo(Duration.ofSeconds(30));
        // 0 is the SDK's "no bound"
        assertThat(env("OTEL_BSP_EXPORT_TIMEOUT", "0").build().batch().exportTimeout()).isZero();
    }

    @Test
    void explicitValuesWinOverTheBatchProcessorVariables() {
        BatchSettings s = env("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "100", "OTEL_BSP_SCHEDULE_DELAY", "70",
                "OTEL_BSP_MAX_QUEUE_SIZE", "1000", "OTEL_BSP_EXPORT_TIMEOUT", "2500")
                .maxExportBatchSize(10).scheduleDelay(Duration.ofMillis(1)).maxQueueSize(20).exportTimeout(Duration.ofMillis(3))
                .build().batch();
        assertThat(s).isEqualTo(new BatchSettings(10, Duration.ofMillis(1), 20, Duration.ofMillis(3), 1024));
        // a batch larger than the preset's queue raises the queue with it
        assertThat(env("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "9000").build().batch().maxQueueSize()).isEqualTo(9000);
    }

    @Test
    void badBatchProcessorVariablesAreOneLineErrors() {
        assertThatThrownBy(() -> env("OTEL_BSP_MAX_QUEUE_SIZE", "many").build())
                .hasMessage("invalid OTEL_BSP_MAX_QUEUE_SIZE 'many': expected a non-negative integer");
        assertThatThrownBy(() -> env("OTEL_BSP_EXPORT_TIMEOUT", "-1").build()).hasMessageContaining("OTEL_BSP_EXPORT_TIMEOUT");
        assertThatThrownBy(() -> env("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "0").build())
                .hasMessage("OTEL_BSP_MAX_EXPORT_BATCH_SIZE must be between 1 and 16777216");
        assertThatThrownBy(() -> env("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "100", "OTEL_BSP_MAX_QUEUE_SIZE", "10").build())
                .hasMessage("the OTLP max queue size (10) must be at least the max batch size (100)");
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheCulprit() {
        assertThatThrownBy(() -> env().endpoint("localhost:4318").build()).hasMessageContaining("invalid OTLP endpoint 'localhost:4318'");
        assertThatThrownBy(() -> env().endpoint("http://bad host/").build()).hasMessageContaining("--otlp-endpoint");
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x").build()).hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThatThrownBy(() -> env().protocol("http/json").build()).hasMessageContaining("unsupported OTLP protocol 'http/json'");
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_HEADERS", "novalue").build()).hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS");
        // a bad percent escape names the variable and the value, not the JDK's decoder
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_HEADERS", "a=%zz").build())
                .hasMessage("invalid OTEL_EXPORTER_OTLP_HEADERS: '%zz' has a % not followed by two hex digits");
        assertThatThrownBy(() -> env().traceParent("00-xyz").build()).hasMessageStartingWith("invalid --trace-parent '00-xyz'");
        assertThatThrownBy(() -> env("TRACEPARENT", "00-xyz").endpoint("http://a:1").build()).hasMessageStartingWith("invalid TRACEPARENT");
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_TIMEOUT", "soon").build()).hasMessageContaining("soon");
    }
}
