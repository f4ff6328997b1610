package dev.renacer.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * renacer -c counts what strace -c counts: the same syscalls, the same calls and errors each, on real
 * fixtures, with -f aggregating over processes and threads. Times are not compared (they are
 * measurements, and renacer's are wall latency); the JSON and CSV summaries must agree with the table.
 */
class SummaryAgainstStraceIT {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "syscall_heavy, 50",
            "fork_exec, ''",
            "threads, 4",
            "signals, ''",
            "exit_status, 5",
            "killed, ''",
            "i386_abi, ''"})
    void countsMatchStraceDashC(String fixture, String argument) throws Exception {
        List<String> command = new ArrayList<>(List.of(Fixtures.path(fixture)));
        if (!argument.isEmpty()) command.add(argument);

        List<String> straceLines = Strace.run(List.of("-c", "-f"), command).lines();
        List<String> renacerLines = trace(command, "text", "-S", "calls");
        Map<String, String> strace = Strace.summaryTable(straceLines);
        Map<String, String> renacer = Strace.summaryTable(renacerLines);
        // calls made through int $0x80 are counted apart, in a second table, by strace and by renacer
        assertThat(Strace.i386SummaryTable(renacerLines)).as("32 bit mode table")
                .isEqualTo(Strace.i386SummaryTable(straceLines));
        if (fixture.equals("threads")) {
            // how often threads wait on a futex depends on scheduling, in strace's run as in ours
            strace.remove("futex");
            renacer.remove("futex");
        }
        assertThat(strace).as("strace's table parsed").isNotEmpty();
        assertThat(renacer).as("renacer -c vs strace -c").isEqualTo(strace);
        if (fixture.equals("threads")) return;

        JsonNode summary = new ObjectMapper().readTree(String.join("\n", trace(command, "json"))).get("summary");
        Map<String, String> json = new TreeMap<>();
        for (JsonNode r : summary.get("syscalls")) json.put(r.get("syscall").asText(), r.get("calls").asLong() + "/" + r.get("errors").asLong());
        assertThat(json).as("JSON summary").isEqualTo(strace);

        Map<String, String> csv = new TreeMap<>();
        List<String> rows = trace(command, "csv");
        List<String> header = List.of(rows.get(0).split(","));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (!f[0].equals("total")) csv.put(f[0], f[header.indexOf("calls")] + "/" + f[header.indexOf("errors")]);
        }
        assertThat(csv).as("CSV summary").isEqualTo(strace);
    }

    private static List<String> trace(List<String> command, String format, String... extra) throws Exception {
        Path out = Files.createTempFile("renacer-summary", "." + format);
        List<String> args = new ArrayList<>(List.of("-f", "-c", "--format", format, "-o", out.toString()));
        args.addAll(List.of(extra));
        args.addAll(command);
        Renacer.Run run = Renacer.run(args);
        assertThat(run.stderr()).doesNotContain("renacer: ");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return lines;
    }
}
