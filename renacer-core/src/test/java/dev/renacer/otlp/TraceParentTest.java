package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void acceptsTheW3cExample() {
        TraceParent p = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").value().orElseThrow();
        assertThat(p.traceIdHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(p.parentSpanIdHex()).isEqualTo("00f067aa0ba902b7");
        assertThat(p.flags()).isEqualTo(1);
    }

    @Test
    void acceptsAFutureVersionWithMoreFields() {
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra").value()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // uppercase
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero span id
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", // version 00 has no more fields
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"})
    void refusesMalformedValuesWithAReason(String value) {
        TraceParent.Parsed parsed = TraceParent.parse(value);
        assertThat(parsed.value()).isEmpty();
        assertThat(parsed.error()).isNotBlank();
    }
}
