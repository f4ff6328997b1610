package dev.renacer.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.renacer.bench.baseline.BaselineStore;
import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.Change;
import dev.renacer.bench.compare.CriterionText;
import dev.renacer.bench.compare.Estimate;
import dev.renacer.bench.compare.JmhResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file (inline CSS and SVG, no script, nothing fetched): the goals table,
 * the syscall_overhead overheads (to native, to strace, per syscall), the CPU time per run and per traced
 * syscall with the machine's idle polling (RunCosts), and per suite every
 * benchmark's samples as a strip plot with its Criterion lines and, with a baseline, the change.
 */
public final class Report {
    public static final String DEFAULT_FILE_NAME = "benchmark-report.html";

    private Report() {}

    public static void write(Path file, List<JmhResult> results, BaselineStore.Baseline baseline, JsonNode info) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, html(results, baseline, info), StandardCharsets.UTF_8);
    }

    /** The goals table as Markdown (Target / Current / Status), the form the README carries; empty when no goal was measured. */
    public static String goalsMarkdown(List<JmhResult> results) {
        List<Goals.Goal> goals = Goals.of(new Results(results));
        if (goals.stream().allMatch(g -> g.met().isEmpty())) return "";
        StringBuilder b = new StringBuilder("| Metric | Target | Current | Status |\n| --- | --- | --- | --- |\n");
        for (Goals.Goal g : goals) {
            b.append("| ").append(g.metric()).append(" | ").append(g.target()).append(" | ").append(g.current()).append(" | ")
                    .append(g.status()).append(" |\n");
        }
        return b.toString();
    }

    static String html(List<JmhResult> results, BaselineStore.Baseline baseline, JsonNode info) {
        Results r = new Results(results);
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>renacer benchmarks</title>\n<style>")
                .append(CSS).append("</style></head><body>\n<h1>renacer benchmarks</h1>\n");
        info(h, info, baseline);
        goals(h, r);
        overheads(h, r);
        costs(h, results);
        Map<String, JmhResult> base = new HashMap<>();
        if (baseline != null) for (JmhResult b : baseline.results()) base.put(b.id(), b);
        for (Map.Entry<String, Map<String, List<JmhResult>>> suite : bySuiteAndMethod(results).entrySet()) {
            h.append("<section class=\"suite\" id=\"suite-").append(Html.escape(suite.getKey())).append("\"><h2>")
                    .append(Html.escape(suite.getKey())).append("</h2>\n");
            for (Map.Entry<String, List<JmhResult>> method : suite.getValue().entrySet()) {
                h.append("<h3>").append(Html.escape(method.getKey())).append("</h3>\n");
                Svg.stripPlot(h, suite.getKey() + "." + method.getKey(), method.getValue());
                criterionTable(h, method.getValue(), base, baseline != null);
            }
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void info(StringBuilder h, JsonNode info, BaselineStore.Baseline baseline) {
        h.append("<table id=\"run\">");
        if (info != null) {
            row(h, "machine", info.path("machine").path("cores").asText() + " x " + info.path("machine").path("cpu").asText() + ", "
                    + info.path("machine").path("memory").asText() + ", " + info.path("machine").path("kernel").asText()
                    + " (load average at the end: " + info.path("machine").path("loadAverage").asText() + ")");
            row(h, "JDK", info.path("jdk").path("vm").asText() + " " + info.path("jdk").path("version").asText());
            row(h, "commit", info.path("git").path("commit").asText() + (info.path("git").path("dirty").asBoolean() ? " (with changes)" : ""));
            row(h, "created", info.path("created").asText());
            List<String> args = new ArrayList<>();
            info.path("arguments").forEach(a -> args.add(a.asText()));
            row(h, "command", "java -jar benchmarks.jar " + String.join(" ", args));
        }
        if (baseline != null) {
            row(h, "baseline", baseline.name() + " (commit " + baseline.info().path("git").path("commit").asText() + ", "
                    + baseline.info().path("created").asText() + ")");
        }
        h.append("</table>\n");
    }

    private static void goals(StringBuilder h, Results r) {
        h.append("<h2>Goals</h2>\n<table id=\"goals\"><tr><th>Metric</th><th>Target</th><th>Current</th><th>Status</th></tr>\n");
        for (Goals.Goal g : Goals.of(r)) {
            h.append("<tr class=\"").append(g.statusClass()).append("\"><td>").append(Html.escape(g.metric()))
                    .append("</td><td>").append(Html.escape(g.target())).append("</td><td>").append(Html.escape(g.current()))
                    .append("</td><td class=\"status\">").append(g.status()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void overheads(StringBuilder h, Results r) {
        List<Overheads.Row> rows = Overheads.rows(r);
        if (rows.isEmpty()) return;
        h.append("<h2>Overhead (syscall_overhead)</h2>\n<p>overhead = (traced − native) / native × 100%; per traced syscall = "
                + "(traced − native) / syscalls the trace saw; renacer / strace against strace in the same mode, same run.</p>\n");
        h.append("<table id=\"overheads\"><tr><th>fixture</th><th>rounds</th><th>benchmark</th><th>mode</th><th>backend</th><th>native</th><th>traced</th>"
                + "<th>× native</th><th>overhead</th><th>µs per syscall</th><th>renacer / strace</th></tr>\n");
        for (Overheads.Row x : rows) {
            h.append("<tr><td>").append(x.fixture()).append("</td><td>").append(x.rounds()).append("</td><td>").append(x.level())
                    .append("</td><td>").append(x.mode()).append("</td><td>").append(x.backend())
                    .append("</td><td>").append(CriterionText.time(x.nativeNanos()))
                    .append("</td><td>").append(CriterionText.time(x.tracedNanos())).append("</td><td>")
                    .append(fmt("%.2f", x.tracedNanos() / x.nativeNanos())).append("</td><td>").append(fmt("%.0f%%", x.overheadPercent()))
                    .append("</td><td>").append(fmt("%.2f", x.microsPerSyscall())).append("</td><td>").append(fmt("%.2f", x.toStrace()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void costs(StringBuilder h, List<JmhResult> results) {
        RunCosts costs = new RunCosts(results);
        List<JmhResult> rows = results.stream().filter(RunCosts::applies).toList();
        if (rows.isEmpty()) return;
        h.append("<h2>CPU time per traced syscall (syscall_overhead)</h2>\n<p>Per run: wall time, CPU time (the tracer and everything "
                + "under it as a whole process; this JVM's Java threads too in process), CPU time per syscall the trace saw (a strace "
                + "anchor's count is its renacer benchmark's in this run, named), and the machine's time in the idle POLL state "
                + "(all CPUs; whole process only; a PM QoS request trades it for wall time).</p>\n");
        h.append("<table id=\"costs\"><tr><th>benchmark</th><th>wall / run</th><th>CPU / run</th><th>syscalls / run</th>"
                + "<th>CPU ns / syscall</th><th>idle poll / run</th></tr>\n");
        for (JmhResult x : rows) {
            RunCosts.Cost c = costs.of(x);
            String from = c.syscallsFrom() == null || c.syscallsFrom().equals(x.method()) ? "" : " (" + c.syscallsFrom() + ")";
            h.append("<tr><td>").append(Html.escape(x.id())).append("</td><td>").append(RunCosts.ms(c.wallNanos())).append("</td><td>")
                    .append(RunCosts.ms(c.cpuNanos())).append("</td><td>").append(fmt("%.0f", c.syscallsPerRun())).append(Html.escape(from))
                    .append("</td><td>").append(fmt("%.0f", c.cpuNanosPerSyscall())).append("</td><td>").append(RunCosts.ms(c.idlePollNanos()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void criterionTable(StringBuilder h, List<JmhResult> rows, Map<String, JmhResult> base, boolean withBaseline) {
        h.append("<table class=\"criterion\"><tr><th>benchmark</th><th>time [lower estimate upper]</th>");
        if (withBaseline) h.append("<th>change [lower estimate upper]</th><th>p</th><th>verdict</th>");
        h.append("</tr>\n");
        for (JmhResult r : rows) {
            Estimate t = Bootstrap.mean(r.nanosPerOp(), Change.CONFIDENCE, 10_000, 1L);
            h.append("<tr><td>").append(Html.escape(r.id())).append("</td><td>[").append(CriterionText.time(t.lower())).append(' ')
                    .append(CriterionText.time(t.point())).append(' ').append(CriterionText.time(t.upper())).append("]</td>");
            if (withBaseline) {
                JmhResult b = base.get(r.id());
                if (b == null || b.samples().length == 0) {
                    h.append("<td colspan=\"3\">not in the baseline</td>");
                } else {
                    Change c = Change.of(b.nanosPerOp(), r.nanosPerOp(), Change.DEFAULT_NOISE, 2L);
                    h.append("<td class=\"change\">[").append(CriterionText.change(c.relative().lower())).append(' ')
                            .append(CriterionText.change(c.relative().point())).append(' ').append(CriterionText.change(c.relative().upper()))
                            .append("]</td><td>").append(fmt("%.2f", c.pValue())).append("</td><td class=\"verdict\">")
                            .append(c.verdict().sentence()).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static Map<String, Map<String, List<JmhResult>>> bySuiteAndMethod(List<JmhResult> results) {
        Map<String, Map<String, List<JmhResult>>> out = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (r.samples().length == 0) continue;
            out.computeIfAbsent(r.suite(), k -> new LinkedHashMap<>()).computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
    }

    private static String fmt(String pattern, double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, pattern, v);
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
            table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
            th{background:#f3f3f3}#run th{width:110px}
            tr.met .status{background:#d7f5d7;color:#0a5d0a}tr.not-met .status{background:#fbdada;color:#8b0000}
            tr.not-measured .status{background:#eee;color:#666}tr.partly-met .status{background:#fff3cd;color:#7a5b00}
            svg.strip{display:block;background:#fcfcfc;border:1px solid #ddd;margin:4px 0}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg .grid{stroke:#eee}
            svg .sample{fill:#1f77b4;fill-opacity:.75}svg .mean{stroke:#d62728;stroke-width:2}
            svg .ci{stroke:#d62728;stroke-width:4;stroke-opacity:.35}svg .axis line{stroke:#999}
            td.verdict,td.change,td.status{white-space:nowrap}
            """;
}
