package dev.renacer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.stats.SortOrder;
import dev.renacer.testing.Fixtures;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real trace written in text, JSON and CSV at once (the tracer as a library, the three sinks on
 * the same events): the JSON and CSV events must match the text trace line for line, with the
 * arguments and results exactly as printed. A call split into unfinished/resumed lines under -f is
 * matched by name and result, its arguments being split across the two lines.
 */
class SameTraceAllFormatsIT {

    @ParameterizedTest(name = "{0} {1} -f={2}")
    @CsvSource({
            "syscall_heavy, 20, false",
            "signals, '', false",
            "signals, '', true",
            "exit_status, 4, false",
            "killed, '', false",
            "fork_exec, '', true",
            "threads, 4, true",
            "stop_cont, '', true"})
    void jsonAndCsvEventsMatchTheTextTraceLineForLine(String fixture, String argument, boolean follow) throws Exception {
        List<String> command = new ArrayList<>(List.of(Fixtures.path(fixture)));
        if (!argument.isEmpty()) command.add(argument);
        Capture text = new Capture(), json = new Capture(), csv = new Capture();
        var listener = new CompositeListener(List.of(
                new TextSink(text.channel, new Timestamps(0, false, TimeZone.getDefault()), true, false, follow),
                new JsonSink(json.channel, command, true, true, null, SortOrder.TIME),
                new CsvSink(csv.channel, true, true, null, SortOrder.TIME)));
        TraceResult result = Tracer.builder().followForks(follow).listener(listener).build().launch(command);
        assertThat(result).isNotNull();

        List<String> lines = text.text().lines().toList();
        List<Boolean> interrupted = TraceKeys.interrupted(lines);
        List<String> expected = TraceKeys.ofText(lines, TraceKeys.Mode.EXACT);
        JsonNode events = new ObjectMapper().readTree(json.text()).get("events");
        List<String> fromJson = TraceKeys.ofJson(events, TraceKeys.Mode.EXACT, interrupted);
        List<String> fromCsv = TraceKeys.ofCsv(Csv.parse(csv.text()), TraceKeys.Mode.EXACT, interrupted);

        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(events).hasSize(expected.size());
        assertThat(fromJson).as("JSON events vs text lines").containsExactlyElementsOf(expected);
        assertThat(fromCsv).as("CSV rows vs text lines").containsExactlyElementsOf(expected);
        // -T: the text's <seconds> and JSON's duration_ns are the same measurement
        List<String> durations = lines.stream().filter(l -> l.matches(".* <\\d+\\.\\d{6}>$"))
                .map(l -> l.substring(l.lastIndexOf('<') + 1, l.length() - 1)).toList();
        List<String> jsonDurations = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.has("duration_ns") && !e.get("duration_ns").isNull()) {
                long micros = e.get("duration_ns").asLong() / 1000;
                jsonDurations.add(String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000));
            }
        }
        assertThat(jsonDurations).containsExactlyElementsOf(durations);
    }
}
