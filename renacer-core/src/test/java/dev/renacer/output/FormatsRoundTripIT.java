package dev.renacer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line, run once per format on the same fixture: each run must tell the same story as
 * the text run, event for event: the same calls in the same order with the same (masked) arguments
 * and results, the same signals, the same ends. Single-process fixtures are deterministic, so the
 * sequences must be equal; where a child runs (fork_exec, threads, and signals, whose SIGCHLD may
 * come before or after wait4 returns) the kernel decides the order, so there the events are compared
 * as multisets. {@link SameTraceAllFormatsIT} compares the formats exactly, on one trace.
 */
class FormatsRoundTripIT {
    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "syscall_heavy, 20, false",
            "exit_status, 3, false",
            "killed, '', false",
            "fork_exec, '', true",
            "signals, '', true",
            "threads, 3, true"})
    void jsonAndCsvMatchTheTextTrace(String fixture, String argument, boolean follow) throws Exception {
        List<String> command = new ArrayList<>(List.of(Fixtures.path(fixture)));
        if (!argument.isEmpty()) command.add(argument);
        List<String> textLines = run(command, follow, "text");
        TraceKeys.Mode mode = follow ? TraceKeys.Mode.NAMES : TraceKeys.Mode.MASKED;
        List<String> text = TraceKeys.ofText(textLines, mode);
        JsonNode doc = mapper.readTree(String.join("\n", run(command, follow, "json")));
        List<List<String>> csv = Csv.parse(String.join("\r\n", run(command, follow, "csv")) + "\r\n");
        List<String> json = TraceKeys.ofJson(doc.get("events"), mode, null);
        List<String> csvKeys = TraceKeys.ofCsv(csv, mode, null);

        assertThat(text).as("the text trace has call lines").hasSizeGreaterThan(10);
        if (follow) {
            List<String> a = stable(text), b = stable(json), c = stable(csvKeys);
            assertThat(b).as("json vs text").isEqualTo(a);
            assertThat(c).as("csv vs text").isEqualTo(a);
        } else {
            assertThat(json).as("json vs text, line for line").containsExactlyElementsOf(text);
            assertThat(csvKeys).as("csv vs text, line for line").containsExactlyElementsOf(text);
        }
    }

    /** Sorted, without the calls whose number depends on thread timing (futex waits, their signal masks). */
    private static List<String> stable(List<String> keys) {
        List<String> s = new ArrayList<>(keys.stream().filter(k -> !k.startsWith("futex(")).toList());
        Collections.sort(s);
        return s;
    }

    private static List<String> run(List<String> command, boolean follow, String format) throws Exception {
        Path out = Renacer.tempFile("." + format);
        List<String> args = new ArrayList<>();
        if (follow) args.add("-f");
        args.addAll(List.of("--format", format, "-T", "-o", out.toString()));
        args.addAll(command);
        Renacer.Run run = Renacer.run(args);
        assertThat(run.stderr()).as("renacer's stderr").doesNotContain("renacer: ");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return lines;
    }
}
