package dev.renacer.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The extended statistics of a real trace, checked against figures computed here, independently,
 * from the per-call durations the same run recorded in its JSON events.
 */
class PercentilesIT {

    @Test
    void extendedStatisticsAgreeWithTheRecordedDurations() throws Exception {
        Path out = Files.createTempFile("renacer-percentiles", ".json");
        Renacer.Run run = Renacer.run(List.of("--format", "json", "-C", "-T", "--stats-extended", "-o", out.toString(),
                Fixtures.path("syscall_heavy"), "300"));
        assertThat(run.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        Files.delete(out);

        Map<String, List<Long>> durations = new HashMap<>();
        for (JsonNode e : doc.get("events")) {
            if (e.get("type").asText().equals("syscall") && e.get("returned").asBoolean()) {
                durations.computeIfAbsent(e.get("syscall").asText(), k -> new ArrayList<>()).add(e.get("duration_ns").asLong());
            }
        }
        JsonNode rows = doc.get("summary").get("syscalls");
        assertThat(rows).hasSize(durations.size());
        int checked = 0;
        for (JsonNode row : rows) {
            String name = row.get("syscall").asText();
            long[] d = durations.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
            JsonNode l = row.get("latency");
            assertThat(row.get("calls").asLong()).as(name).isEqualTo(d.length);
            assertThat(l.get("min_ns").asLong()).as(name + " min").isEqualTo(d[0]);
            assertThat(l.get("max_ns").asLong()).as(name + " max").isEqualTo(d[d.length - 1]);
            double mean = Arrays.stream(d).average().orElseThrow();
            assertThat(l.get("mean_ns").asDouble()).as(name + " mean").isCloseTo(mean, within(mean * 1e-9 + 1e-6));
            double sd = Math.sqrt(Arrays.stream(d).mapToDouble(x -> (x - mean) * (x - mean)).sum() / d.length);
            assertThat(l.get("stddev_ns").asDouble()).as(name + " stddev").isCloseTo(sd, within(sd * 1e-6 + 1e-6));
            for (int p : new int[] {50, 75, 90, 95, 99}) {
                long exact = d[Math.max(0, (int) Math.ceil(p / 100.0 * d.length) - 1)];
                assertThat(l.get("p" + p + "_ns").asLong()).as(name + " p" + p)
                        .isBetween(exact, exact + exact / 1000 + 1);
            }
            long outliers = Arrays.stream(d).filter(x -> x > mean + 3 * sd).count();
            // counted at the histogram's resolution: a call within 0.1% of the threshold may fall either way
            long near = Arrays.stream(d).filter(x -> Math.abs(x - (mean + 3 * sd)) <= x / 1000.0 + 1).count();
            assertThat(l.get("outliers").asLong()).as(name + " outliers").isBetween(outliers - near, outliers + near);
            if (d.length >= 100) checked++;
        }
        assertThat(checked).as("syscalls with at least 100 calls (open, write, read, lseek, close, unlink)").isGreaterThanOrEqualTo(5);
    }
}
