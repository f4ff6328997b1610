package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.syscall.SyscallTable;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** renacer's encoder against the OpenTelemetry exporter's, on the same records, decoded by the official schema. */
class OtlpProtoEncoderTest {

    @Test
    void encodesExactlyWhatTheOpenTelemetryMarshalerEncodes() throws Exception {
        SpanPool pool = new SpanPool(0);
        SpanNames names = new SpanNames();
        var resource = OtlpExport.resource("svc");
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        List<SpanData> batch = new ArrayList<>();
        // a root process span under a remote upstream parent, with every attribute type
        batch.add(pool.acquire().identify(trace, 0x0102030405060708L, "00f067aa0ba902b7", true).origin(resource, OtlpExport.SCOPE)
                .fillProcess("process: app", Attributes.builder().put("process.pid", 42L).put("flag", true).put("ratio", 0.5)
                        .put(AttributeKey.stringArrayKey("process.command_args"), List.of("app", "ünï", "🚀"))
                        .put(AttributeKey.longArrayKey("longs"), List.of(1L, -2L)).build(),
                        StatusData.create(StatusCode.ERROR, "killed by SIGKILL"), 1, 2));
        // syscalls: ok, failed, long and non-ASCII arguments, a negative-looking id and number
        String longArgs = "x".repeat(300) + "é漢字\uD83D\uDE00";
        Object[][] calls = {{SyscallTable.number("openat"), "AT_FDCWD, \"/etc\", O_RDONLY", "3", 0},
                {SyscallTable.number("open"), "\"/nope\"", "-1 ENOENT (No such file)", 2},
                {SyscallTable.number("write"), longArgs, "313", 0}, {999, "", "?", 0}}; // 999: a number no table names
        for (Object[] c : calls) {
            SpanRecord r = pool.acquire().identify(trace, -7L * (int) c[0], "0102030405060708", false).origin(resource, OtlpExport.SCOPE);
            r.fillSyscall(77, 42, (int) c[0], (String) c[1], (String) c[2], (int) c[3], 1_700_000_000_000_000_000L,
                    1_700_000_000_000_000_900L, names);
            batch.add(r);
        }
        for (SpanData s : batch) ((SpanRecord) s).prepareForExport(new StringCache());

        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(batch).writeBinaryTo(theirs);
        OtlpProtoEncoder encoder = new OtlpProtoEncoder();
        encoder.encode(batch);
        byte[] ours = Arrays.copyOf(encoder.array(), encoder.length());

        ExportTraceServiceRequest expected = ExportTraceServiceRequest.parseFrom(theirs.toByteArray());
        ExportTraceServiceRequest actual = ExportTraceServiceRequest.parseFrom(ours);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(5);

        // the buffer is reused: a second, smaller batch encodes alone
        encoder.encode(batch.subList(0, 1));
        assertThat(ExportTraceServiceRequest.parseFrom(Arrays.copyOf(encoder.array(), encoder.length()))
                .getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(1);
    }
}
