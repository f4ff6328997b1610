package dev.renacer.output;

import dev.renacer.stats.LatencyProfile;
import dev.renacer.stats.SortOrder;
import dev.renacer.stats.Summary;
import dev.renacer.stats.SummaryRow;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.Signals;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The trace as one self-contained HTML page (styles inline, charts as inline SVG, no script, nothing
 * fetched): the command, the summary table, bar charts of time and of calls per syscall, the latency
 * percentiles with --stats-extended, and the first {@link #DEFAULT_EVENT_LIMIT} events with a note
 * of how many were left out. Only those first events are kept in memory; the rest are counted.
 */
public final class HtmlReport implements TraceListener {
    public static final int DEFAULT_EVENT_LIMIT = 1000;
    private static final int CHART_BARS = 25;

    private record Line(String time, int tid, String text, String result, String duration, String kind) {}

    private final OutputChannel channel;
    private final List<String> command;
    private final SyscallStats stats;
    private final SortOrder order;
    private final boolean showDuration;
    private final int eventLimit;
    private final List<Line> lines = new ArrayList<>();
    private final WallClock clock = new WallClock();
    private long events;
    private long startEpochNanos;

    /** @param stats the counters of the whole trace (the report always has a summary) */
    public HtmlReport(OutputChannel channel, List<String> command, SyscallStats stats, SortOrder order,
                      boolean showDuration, int eventLimit) {
        this.channel = channel;
        this.command = List.copyOf(command);
        this.stats = stats;
        this.order = order;
        this.showDuration = showDuration;
        this.eventLimit = eventLimit;
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        clock.learn(e.entryEpochNanos, e.entryNanos);
        if (startEpochNanos == 0) startEpochNanos = e.entryEpochNanos;
        if (events++ >= eventLimit) return;
        lines.add(new Line(time(e.entryEpochNanos), e.tid, e.name() + "(" + e.arguments + ")", e.result.toString(),
                showDuration && e.returned ? seconds(e.durationNanos()) : "", e.failed() ? "failed" : "syscall"));
    }

    @Override
    public void onSignal(int tid, int pid, int signal, CharSequence siginfo) {
        if (events++ >= eventLimit) return;
        lines.add(new Line(time(clock.epochNanos(System.nanoTime())), tid,
                "--- " + Signals.name(signal) + " " + siginfo + " ---", "", "", "signal"));
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        onThreadExit(pid, pid, exitCode, termSignal, coreDumped);
    }

    @Override
    public void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        if (events++ >= eventLimit) return;
        String text = termSignal == 0 ? "+++ exited with " + exitCode + " +++"
                : "+++ killed by " + Signals.name(termSignal) + (coreDumped ? " (core dumped)" : "") + " +++";
        lines.add(new Line(time(clock.epochNanos(System.nanoTime())), tid, text, "", "", "exit"));
    }

    @Override
    public void onFinish() {
        channel.write(render(stats.summary()));
        channel.flush();
    }

    String render(Summary summary) {
        List<SummaryRow> rows = summary.sorted(order);
        String commandLine = String.join(" ", command);
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>renacer: ").append(Html.escape(commandLine)).append("</title>\n<style>\n")
                .append(stylesheet()).append("</style>\n</head>\n<body>\n<header>\n<h1>renacer trace report</h1>\n")
                .append("<p class=\"command\"><code id=\"command\">").append(Html.escape(commandLine)).append("</code></p>\n")
                .append("<ul class=\"facts\">")
                .append(fact("system calls", String.valueOf(summary.calls())))
                .append(fact("errors", String.valueOf(summary.errors())))
                .append(fact("distinct syscalls", String.valueOf(rows.size())))
                .append(fact("time in syscalls", seconds(summary.totalNanos()) + " s"))
                .append(fact("started", startEpochNanos == 0 ? "–" : Instant.ofEpochSecond(0, startEpochNanos).truncatedTo(ChronoUnit.MICROS).toString()))
                .append("</ul>\n</header>\n<main>\n");
        appendSummaryTable(h, summary, rows);
        appendCharts(h, rows);
        if (summary.extended()) appendLatency(h, rows);
        if (eventLimit > 0) appendEvents(h);   // -c: the summary alone, as in the other formats
        h.append("</main>\n<footer>").append(summary.wallClock()
                        ? "Times are wall-clock latency from syscall entry to exit, as <code>strace -w</code> measures them."
                        : "Summary times are each call's system CPU time, as <code>strace -c</code> counts it (<code>-w</code>: wall time);"
                                + " latencies are wall-clock, from syscall entry to exit.")
                .append("</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private void appendSummaryTable(StringBuilder h, Summary summary, List<SummaryRow> rows) {
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table id=\"summary-table\" class=\"numbers\">\n<thead><tr>")
                .append("<th>% time</th><th>seconds</th><th>usecs/call</th><th>calls</th><th>errors</th><th class=\"name\">syscall</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (SummaryRow r : rows) {
            double percent = summary.percent(r);
            h.append("<tr><td><span class=\"pct\" style=\"--pct:").append(String.format(Locale.ROOT, "%.2f", percent))
                    .append("%\"></span>").append(String.format(Locale.ROOT, "%.2f", percent)).append("</td><td>")
                    .append(seconds(r.totalNanos())).append("</td><td>").append(r.averageNanos() / 1000).append("</td><td>")
                    .append(r.calls()).append("</td><td").append(r.errors() > 0 ? " class=\"err\">" + r.errors() : ">")
                    .append("</td><td class=\"name\">").append(Html.escape(r.name())).append("</td></tr>\n");
        }
        long calls = summary.calls();
        h.append("</tbody>\n<tfoot><tr><td>100.00</td><td>").append(seconds(summary.totalNanos())).append("</td><td>")
                .append(calls == 0 ? 0 : summary.totalNanos() / calls / 1000).append("</td><td>").append(calls)
                .append("</td><td>").append(summary.errors() == 0 ? "" : String.valueOf(summary.errors()))
                .append("</td><td class=\"name\">total</td></tr></tfoot>\n</table>\n</section>\n");
    }

    private void appendCharts(StringBuilder h, List<SummaryRow> rows) {
        List<SummaryRow> byTime = new ArrayList<>(rows);
        byTime.sort(Comparator.comparingLong(SummaryRow::totalNanos).reversed());
        List<SummaryRow> byCalls = new ArrayList<>(rows);
        byCalls.sort(Comparator.comparingLong(SummaryRow::calls).reversed());
        h.append("<section id=\"charts\">\n<div class=\"chart-box\">\n<h2>Time per syscall</h2>\n")
                .append(HtmlCharts.bars("chart-time", "Time spent per syscall", top(byTime), SummaryRow::name,
                        r -> r.totalNanos(), r -> seconds(r.totalNanos()) + " s", "time"))
                .append(more(rows.size())).append("</div>\n<div class=\"chart-box\">\n<h2>Calls per syscall</h2>\n")
                .append(HtmlCharts.bars("chart-calls", "Calls per syscall", top(byCalls), SummaryRow::name,
                        r -> r.calls(), r -> r.calls() + (r.errors() > 0 ? " (" + r.errors() + " failed)" : ""), "calls"))
                .append(more(rows.size())).append("</div>\n</section>\n");
    }

    private void appendLatency(StringBuilder h, List<SummaryRow> rows) {
        h.append("<section id=\"latency\">\n<h2>Latency percentiles (µs)</h2>\n<table id=\"latency-table\" class=\"numbers\">\n")
                .append("<thead><tr><th>min</th><th>mean</th><th>max</th><th>stddev</th><th>p50</th><th>p75</th><th>p90</th>")
                .append("<th>p95</th><th>p99</th><th>outliers</th><th class=\"name\">syscall</th></tr></thead>\n<tbody>\n");
        for (SummaryRow r : rows) {
            LatencyProfile l = r.latency();
            if (l == null) continue;
            h.append("<tr>");
            for (double v : new double[] {l.min(), l.mean(), l.max(), l.stddev(), l.p50(), l.p75(), l.p90(), l.p95(), l.p99()}) {
                h.append("<td>").append(String.format(Locale.ROOT, "%.3f", v / 1e3)).append("</td>");
            }
            h.append("<td").append(l.outliers() > 0 ? " class=\"err\"" : "").append(">").append(l.outliers())
                    .append("</td><td class=\"name\">").append(Html.escape(r.name())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Outliers: calls slower than mean + 3 standard deviations.</p>\n</section>\n");
    }

    private void appendEvents(StringBuilder h) {
        h.append("<section id=\"events\">\n<h2>First events</h2>\n<table id=\"events-table\">\n<thead><tr><th>since start (s)</th>")
                .append("<th>tid</th><th class=\"name\">call</th><th>result</th>").append(showDuration ? "<th>duration</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (Line l : lines) {
            h.append("<tr class=\"").append(l.kind()).append("\"><td class=\"t\">").append(l.time()).append("</td><td>")
                    .append(l.tid()).append("</td><td class=\"call\">").append(Html.escape(l.text())).append("</td><td class=\"res\">")
                    .append(Html.escape(l.result())).append("</td>")
                    .append(showDuration ? "<td>" + l.duration() + "</td>" : "").append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\" id=\"events-note\">");
        long left = events - lines.size();
        if (left > 0) h.append("Showing the first ").append(lines.size()).append(" of ").append(events).append(" events; ")
                .append(left).append(" more were left out of this report.");
        else h.append("All ").append(events).append(" events are shown.");
        h.append("</p>\n</section>\n");
    }

    private static List<SummaryRow> top(List<SummaryRow> rows) {
        return rows.size() > CHART_BARS ? rows.subList(0, CHART_BARS) : rows;
    }

    private static String more(int count) {
        return count > CHART_BARS ? "<p class=\"note\">The " + CHART_BARS + " largest of " + count + " syscalls.</p>\n" : "";
    }

    private static String fact(String name, String value) {
        return "<li><span class=\"k\">" + name + "</span><span class=\"v\">" + Html.escape(value) + "</span></li>";
    }

    private static String seconds(long nanos) {
        StringBuilder sb = new StringBuilder(16);
        Digits.seconds(sb, nanos);
        return sb.toString();
    }

    /** Seconds since the first event: easier to read than a wall clock with microseconds. */
    private String time(long epochNanos) {
        if (startEpochNanos == 0) startEpochNanos = epochNanos;
        StringBuilder sb = new StringBuilder(20).append('+');
        Digits.seconds(sb, epochNanos - startEpochNanos);
        return sb.toString();
    }

    private static String stylesheet() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css missing from the renacer jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
