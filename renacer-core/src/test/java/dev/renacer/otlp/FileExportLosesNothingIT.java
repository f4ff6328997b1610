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
        // the calls of the text trace and the syscall spans of the file, by name: the same, call for call
        java.util.Map<String, Long> calls = new java.util.TreeMap<>(), syscallSpans = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(trace)) {
            String l = line.replaceFirst("^\\d+ +", ""); // the pid is padded to 5 columns, as strace pads it
            if (l.startsWith("+++") || l.startsWith("---")) continue;
            // a call cut by another line is counted once, at its "name(... <unfinished ...>" line
            if (l.startsWith("<... ") && l.contains(" resumed>")) continue;
            assertThat(l).as("a call line").contains("(");
            calls.merge(l.substring(0, l.indexOf('(')), 1L, Long::sum);
        }
        for (String line : Files.readAllLines(spans)) {
            for (JsonNode list : JSON.readTree(line).findValues("spans")) {
                for (JsonNode s : list) {
                    String name = s.path("name").asText();
                    if (name.startsWith("syscall: ")) syscallSpans.merge(name.substring("syscall: ".length()), 1L, Long::sum);
                }
            }
        }
        assertThat(calls.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(2000);
        assertThat(syscallSpans).as(run.stderr()).isEqualTo(calls);
        assertThat(run.stderr()).contains(" 0 dropped");
    }
}
