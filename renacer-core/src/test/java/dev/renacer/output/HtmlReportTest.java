package dev.renacer.output;

import dev.renacer.stats.SortOrder;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.CompositeListener;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.renacer.testing.Events.call;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final int[] NUMBERS = Stream.of("read", "write", "close", "mmap", "openat", "newfstatat", "fstat",
            "getpid", "brk", "clock_gettime").mapToInt(SyscallTable::number).toArray();

    /** A report of a made-up but plausible trace: 3000 calls over ten syscalls, some failing. */
    static String report(boolean extended, int limit) {
        Capture out = new Capture();
        SyscallStats stats = new SyscallStats(extended);
        HtmlReport html = new HtmlReport(out.channel, List.of("./fixture", "--flag=<b>&\"x\""), stats, SortOrder.TIME, true, limit);
        TraceListener l = new CompositeListener(List.of(stats, html));
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            int n = NUMBERS[Math.min(NUMBERS.length - 1, (int) Math.abs(random.nextGaussian() * 3))];
            boolean fail = n == SyscallTable.number("openat") && i % 3 == 0;
            l.onSyscall(call(100, n, "AT_FDCWD, \"<script>alert(1)</script>\", O_RDONLY", fail ? -2 : 3,
                    fail ? "-1 ENOENT (No such file or directory)" : "3", i * 10L, 500 + random.nextInt(20_000) * (n + 1L)));
        }
        l.onSignal(100, 100, 17, "{si_signo=SIGCHLD}");
        l.onProcessExit(100, 0, 0, false);
        l.onFinish();
        return out.text();
    }

    @Test
    void isOneSelfContainedPageWithTheSummaryChartsAndAnEscapedTrace() {
        String html = report(false, 100);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"summary-table\"")
                .contains("<svg id=\"chart-time\"").contains("<svg id=\"chart-calls\"").contains("<table id=\"events-table\"");
        assertThat(html).as("nothing is fetched").doesNotContain("src=", "href=", "@import", "url(");
        assertThat(html).as("tracee data is escaped").doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("--flag=&lt;b&gt;&amp;&quot;x&quot;");
        assertThat(html).contains("Showing the first 100 of 3002 events; 2902 more were left out");
        assertThat(html).doesNotContain("latency-table");
        assertThat(html).contains(">openat<");
    }

    @Test
    void dashCLeavesTheEventsOut() {
        assertThat(report(false, 0)).contains("id=\"summary-table\"").doesNotContain("<table id=\"events-table\"");
    }

    @Test
    void extendedStatisticsAddThePercentileTable() {
        assertThat(report(true, 10)).contains("<table id=\"latency-table\"").contains("<th>p99</th>");
    }

    @Test
    void chromiumRendersTheTablesAndTheCharts() throws Exception {
        Path file = Files.createTempFile("renacer-report", ".html");
        Files.writeString(file, report(true, 200));
        String dom = Chromium.dumpDom(file);
        assertThat(dom).contains("id=\"summary-table\"").contains("id=\"latency-table\"");
        assertThat(count(dom, "<tr>.*?</tr>", section(dom, "summary-table"))).as("a row per syscall").isEqualTo(NUMBERS.length + 2);
        assertThat(count(dom, "<rect ", section(dom, "chart-time"))).isEqualTo(NUMBERS.length);
        assertThat(count(dom, "<rect ", section(dom, "chart-calls"))).isEqualTo(NUMBERS.length);
        assertThat(count(dom, "<tr class=", section(dom, "events-table"))).isEqualTo(200);
        assertThat(dom).doesNotContain("<script>");
        Path png = Path.of(System.getProperty("java.io.tmpdir"), "renacer-report.png");
        Chromium.screenshot(file, png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private static String section(String dom, String id) {
        int start = dom.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        String tag = id.startsWith("chart") ? "</svg>" : "</table>";
        return dom.substring(start, dom.indexOf(tag, start));
    }

    private static int count(String dom, String regex, String within) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(within);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
