package dev.renacer.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --otlp-file alone: a queue far smaller than the trace fills at once, and the tracer waits for the file
 * instead of dropping spans: one syscall span per call of the text trace, and the summary says 0 dropped.
 */
class FileExportLosesNothingIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySyscallSeenIsASpanInTheFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.txt"), spans = dir.resolve("spans.jsonl");
        Renacer.Run run = Renacer.run(List.of("-f", "-o", trace.toString(), "--otlp-file", spans.toString(),
                "--otlp-max-queue-size", "8", "--otlp-max-batch-size", "8", "--otlp-pool-capacity", "8",
                Fixtures.path("syscall_heavy"), "400"));
        assertThat(run.exitCode()).isZero();
        long calls = Files.readAllLines(trace).stream().map(l -> l.replaceFirst("^\\d+ ", ""))
                .filter(l -> !l.startsWith("+++") && !l.startsWith("---")).count();
        long syscallSpans = 0;
        for (String line : Files.readAllLines(spans)) {
            for (JsonNode span : JSON.readTree(line).findValues("spans")) {
                for (JsonNode s : span) if (s.path("parentSpanId").asText().length() > 0) syscallSpans++;
            }
        }
        assertThat(calls).isGreaterThan(2000);
        assertThat(syscallSpans).isEqualTo(calls);
        assertThat(run.stderr()).contains(" 0 dropped");
    }
}
