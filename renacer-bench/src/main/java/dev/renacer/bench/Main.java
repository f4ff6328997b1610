package dev.renacer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.bench.baseline.BaselineStore;
import dev.renacer.bench.baseline.RunInfo;
import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.Change;
import dev.renacer.bench.compare.CriterionText;
import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import dev.renacer.bench.fixtures.RenacerCli;
import dev.renacer.bench.gate.Gate;
import dev.renacer.bench.report.Report;
import dev.renacer.bench.report.RunCosts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code java -jar benchmarks.jar [SUITE | SUITE.BENCH | JMH regex]... [JMH options] [--save-baseline NAME]
 * [--baseline NAME] [--noise-threshold X] [--report FILE]}, or {@code java -jar benchmarks.jar gate ...}.
 * Parses renacer-bench's own options and hands the rest to JMH; after the run it prints each
 * benchmark in Criterion.rs's form (a syscall_overhead run with its cost per run and per syscall, RunCosts),
 * compares with a baseline, saves one, writes the HTML report.
 *
 * <p>Exit status: 0 done; 1 a benchmark failed; 2 bad usage (one line on stderr); the gate has its own (3: inconclusive).
 */
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (!args.isEmpty() && args.get(0).equals("gate")) return gate(args.subList(1, args.size()), out, err);
            return benchmarks(RunOptions.parse(args), out, err);
        } catch (UsageException e) {
            err.println("renacer-bench: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("renacer-bench: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static int gate(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Gate gate = new Gate(GateArguments.parse(args, RenacerCli.codeSource()), out);
        try {
            return gate.run();
        } catch (Gate.JarFailure e) {
            err.println("renacer-bench: gate: " + e.getMessage());
            return Gate.EXIT_USAGE;
        }
    }

    private static int benchmarks(RunOptions options, PrintStream out, PrintStream err) throws IOException {
        List<String> jmhArgs = Selection.translate(options.jmhArguments());
        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UsageException(e.getMessage());
        }
        Runner runner = new Runner(jmh);
        if (jmh.shouldHelp()) {
            jmh.showHelp();
            out.println(RunOptions.HELP);
            return EXIT_OK;
        }
        if (jmh.shouldList() || jmh.shouldListWithParams() || jmh.shouldListProfilers() || jmh.shouldListResultFormats()) {
            if (jmh.shouldList()) runner.list();
            if (jmh.shouldListWithParams()) runner.listWithParams(jmh);
            if (jmh.shouldListProfilers()) jmh.listProfilers();
            if (jmh.shouldListResultFormats()) jmh.listResultFormats();
            return EXIT_OK;
        }
        Path jar = RenacerCli.codeSource();
        BaselineStore store = BaselineStore.fromEnvironment(jar);
        BaselineStore.Baseline baseline = null;
        if (options.baseline() != null) {
            if (!store.exists(options.baseline())) {
                throw new UsageException("no baseline '" + options.baseline() + "' in " + store.directory()
                        + " (save one with --save-baseline " + options.baseline() + ")");
            }
            baseline = store.load(options.baseline());
        }
        Collection<RunResult> results;
        try {
            results = runner.run();
        } catch (NoBenchmarksException e) {
            throw new UsageException("no benchmark matches " + jmh.getIncludes() + " (java -jar benchmarks.jar -l lists them)");
        } catch (RunnerException e) {
            err.println("renacer-bench: " + e.getMessage());
            return EXIT_FAILED;
        }
        Path json = Files.createTempFile("renacer-bench", ".json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        JsonNode jmhJson = JSON.readTree(json.toFile());
        Files.delete(json);
        List<JmhResult> measured = JmhJson.read(jmhJson);
        printCriterion(measured, baseline, options.noiseThreshold(), out);
        String goals = Report.goalsMarkdown(measured);
        if (!goals.isEmpty()) out.print("\nGoals (measured in this run):\n" + goals);
        var info = RunInfo.describe(options.all());
        if (options.saveBaseline() != null) {
            out.println("renacer-bench: baseline '" + options.saveBaseline() + "' saved to " + store.save(options.saveBaseline(), info, jmhJson));
        }
        Path reportFile = options.report() != null ? options.report()
                : jmh.getIncludes().isEmpty() ? jar.toAbsolutePath().getParent().resolve(Report.DEFAULT_FILE_NAME) : null;
        if (reportFile != null) {
            Report.write(reportFile, measured, baseline, info);
            out.println("renacer-bench: report written to " + reportFile);
        }
        return EXIT_OK;
    }

    /** Criterion's lines per benchmark; with a baseline, the change and its verdict. */
    static void printCriterion(List<JmhResult> results, BaselineStore.Baseline baseline, double noise, PrintStream out) {
        Map<String, JmhResult> base = new HashMap<>();
        if (baseline != null) for (JmhResult r : baseline.results()) base.put(r.id(), r);
        out.println();
        out.println(baseline == null ? "Results (Criterion form, 95% bootstrap intervals):"
                : "Results against baseline '" + baseline.name() + "' (Criterion form, noise threshold "
                + CriterionText.change(noise).substring(1) + "):");
        RunCosts costs = new RunCosts(results);
        for (JmhResult r : results) {
            if (r.samples().length == 0) continue;
            out.print(CriterionText.measurement(r.id(), Bootstrap.mean(r.nanosPerOp(), Change.CONFIDENCE, Bootstrap.RESAMPLES, 1L),
                    r.isThroughput()));
            if (RunCosts.applies(r)) out.print(CriterionText.note("cost:   " + costs.line(r)));
            if (baseline == null) continue;
            JmhResult b = base.get(r.id());
            if (b == null || b.samples().length == 0) {
                out.print(CriterionText.note("(not in baseline '" + baseline.name() + "')"));
                continue;
            }
            Change c = Change.of(b.nanosPerOp(), r.nanosPerOp(), noise, 2L);
            out.print(CriterionText.change(c.relative(), c.pValue(), c.significance(), c.verdict(), r.isThroughput(), ""));
        }
    }
}
