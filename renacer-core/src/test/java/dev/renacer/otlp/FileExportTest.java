package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import dev.renacer.testing.SyntheticTrace;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --otlp-file}: OTLP/JSON lines that decode into the official schema with the same content as the wire. */
class FileExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fileHoldsOneExportRequestPerLineWithTheSameSpansAsTheCollectorGets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.jsonl");
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
            OtlpSettings settings = OtlpSettings.builder().file(file).endpoint(receiver.baseUrl())
                    .batch(BatchSettings.defaults().withMaxExportBatchSize(50)).build();
            SyntheticTrace trace = new SyntheticTrace(120, 10);
            trace.run(HttpExportTest.listener(settings, new ByteArrayOutputStream()));

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSizeGreaterThanOrEqualTo(3).allSatisfy(l -> assertThat(l).startsWith("{\"resourceSpans\":["));
            List<ExportTraceServiceRequest> requests = new ArrayList<>();
            for (String line : lines) requests.add(decode(line));
            List<Span> fromFile = Received.spans(requests);
            assertThat(fromFile).hasSize(trace.totalSpans());
            // the same spans, byte for byte in the schema, as the collector received
            assertThat(fromFile).containsExactlyInAnyOrderElementsOf(receiver.acceptedSpans());

            JsonNode first = JSON.readTree(lines.get(0)).at("/resourceSpans/0/scopeSpans/0/spans/0");
            assertThat(first.get("traceId").asText()).matches("[0-9a-f]{32}");
            assertThat(first.get("spanId").asText()).matches("[0-9a-f]{16}");
            assertThat(first.get("startTimeUnixNano").isTextual()).as("int64 as a string").isTrue();
            assertThat(first.get("kind").isInt()).as("enum as an integer").isTrue();
        }
    }

    @Test
    void fileAloneEnablesExport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("only.jsonl");
        OtlpSettings settings = OtlpSettings.builder().file(file).environment(Map.of()).build();
        assertThat(settings.enabled()).isTrue();
        SyntheticTrace trace = new SyntheticTrace(10, 0);
        OtlpTraceListener listener = HttpExportTest.listener(settings, new ByteArrayOutputStream());
        trace.run(listener);
        List<ExportTraceServiceRequest> requests = new ArrayList<>();
        for (String line : Files.readAllLines(file)) requests.add(decode(line));
        assertThat(Received.spans(requests)).hasSize(trace.totalSpans());
        assertThat(listener.summary().exported()).isEqualTo(trace.totalSpans());
    }

    @Test
    void aFullDiskIsAFailureWithItsReasonNeverASuccess() throws Exception {
        // /dev/full: every write fails with ENOSPC, as on a full disk
        OtlpSettings settings = OtlpSettings.builder().file(Path.of("/dev/full")).environment(Map.of()).build();
        SyntheticTrace trace = new SyntheticTrace(50, 0);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        OtlpTraceListener listener = HttpExportTest.listener(settings, stderr);
        trace.run(listener);
        ExportSummary summary = listener.summary();
        assertThat(summary.exported()).isZero();
        assertThat(summary.dropped()).isEqualTo(trace.totalSpans());
        assertThat(summary.failures()).isPositive();
        assertThat(stderr.toString()).contains("0 spans exported").contains("cannot write the OTLP file /dev/full: No space left on device");
    }

    /**
     * OTLP/JSON differs from protobuf's canonical JSON in one way: ids are hex, not base64. Convert
     * them, then let protobuf-java-util's parser check everything else against the schema.
     */
    static ExportTraceServiceRequest decode(String line) throws Exception {
        JsonNode tree = JSON.readTree(line);
        hexIdsToBase64(tree);
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(JSON.writeValueAsString(tree), builder);
        return builder.build();
    }

    private static void hexIdsToBase64(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : List.of("traceId", "spanId", "parentSpanId")) {
                JsonNode id = object.get(key);
                if (id != null && id.isTextual()) {
                    object.put(key, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(id.asText())));
                }
            }
        }
        node.forEach(FileExportTest::hexIdsToBase64);
    }
}
