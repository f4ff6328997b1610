package dev.renacer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report of a real trace, opened in headless Chromium: the DOM has the summary, the charts and the events. */
class HtmlReportIT {

    @Test
    void chromiumShowsTheSummaryChartsPercentilesAndFirstEventsOfARealTrace() throws Exception {
        Chromium.executable();
        Path html = Files.createTempFile("renacer-report", ".html");
        Path json = Files.createTempFile("renacer-report", ".json");
        String fixture = Fixtures.path("syscall_heavy");
        assertThat(Renacer.run(List.of("--format", "html", "--stats-extended", "-T", "-o", html.toString(), fixture, "400"))
                .exitCode()).isZero();
        assertThat(Renacer.run(List.of("--format", "json", "-c", "-o", json.toString(), fixture, "400")).exitCode()).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.toFile()).get("summary");
        int syscalls = summary.get("syscalls").size();
        long calls = summary.get("calls").asLong();

        String dom = Chromium.dumpDom(html);
        assertThat(dom).contains(fixture);
        assertThat(count(section(dom, "summary-table", "</table>"), "<tr>")).as("header, a row per syscall, total")
                .isEqualTo(syscalls + 2);
        assertThat(count(section(dom, "chart-time", "</svg>"), "<rect ")).isEqualTo(Math.min(25, syscalls));
        assertThat(count(section(dom, "chart-calls", "</svg>"), "<rect ")).isEqualTo(Math.min(25, syscalls));
        assertThat(count(section(dom, "latency-table", "</table>"), "<tr>")).isEqualTo(syscalls + 1);
        assertThat(count(section(dom, "events-table", "</table>"), "<tr class=")).isEqualTo(HtmlReport.DEFAULT_EVENT_LIMIT);
        // calls + the exit; fixed counts, so both runs agree
        assertThat(dom).contains("Showing the first 1000 of " + (calls + 2) + " events");
        Path png = Path.of(System.getProperty("java.io.tmpdir"), "renacer-report-it.png");
        Chromium.screenshot(html, png);
    }

    private static String section(String dom, String id, String end) {
        int start = dom.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return dom.substring(start, dom.indexOf(end, start));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
