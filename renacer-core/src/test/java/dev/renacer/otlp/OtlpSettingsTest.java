package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(s.batch().exportTimeout().toMillis()).isEqualTo(1234);
        assertThat(env("OTEL_SERVICE_NAME", "svc", "OTEL_RESOURCE_ATTRIBUTES", "service.name=r").build().serviceName()).isEqualTo("svc");
        assertThat(env().build().serviceName()).isEqualTo("renacer");
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheCulprit() {
        assertThatThrownBy(() -> env().endpoint("localhost:4318").build()).hasMessageContaining("invalid OTLP endpoint 'localhost:4318'");
        assertThatThrownBy(() -> env().endpoint("http://bad host/").build()).hasMessageContaining("--otlp-endpoint");
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x").build()).hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThatThrownBy(() -> env().protocol("http/json").build()).hasMessageContaining("unsupported OTLP protocol 'http/json'");
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_HEADERS", "novalue").build()).hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS");
        assertThatThrownBy(() -> env().traceParent("00-xyz").build()).hasMessageStartingWith("invalid --trace-parent '00-xyz'");
        assertThatThrownBy(() -> env("TRACEPARENT", "00-xyz").endpoint("http://a:1").build()).hasMessageStartingWith("invalid TRACEPARENT");
        assertThatThrownBy(() -> env("OTEL_EXPORTER_OTLP_TIMEOUT", "soon").build()).hasMessageContaining("soon");
    }
}
