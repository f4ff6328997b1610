package dev.renacer.cli;

import dev.renacer.cli.OptionModel.Field;
import dev.renacer.filter.Quiet;
import dev.renacer.io.IoErrors;
import dev.renacer.output.CsvSink;
import dev.renacer.output.Format;
import dev.renacer.output.HtmlReport;
import dev.renacer.output.JsonSink;
import dev.renacer.output.OutputChannel;
import dev.renacer.output.SeparateFiles;
import dev.renacer.output.StatusFilter;
import dev.renacer.output.TextLayout;
import dev.renacer.output.TextSink;
import dev.renacer.output.TextSummarySink;
import dev.renacer.output.Timestamps;
import dev.renacer.stats.SortOrder;
import dev.renacer.stats.SyscallStats;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.TraceListener;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import static dev.renacer.cli.OptionModel.bound;
import static dev.renacer.cli.OptionModel.option;
import static dev.renacer.cli.OptionModel.repeatable;

/**
 * The options that decide what renacer writes and where: -o, -c, -C, -S, -T, -t/-tt/-ttt, -r,
 * --format and --stats-extended. The main command adds them with {@link #addTo}.
 */
public final class OutputOptions {

    /** Adds these options to {@code spec}, bound to this object's fields (the model is built by hand: {@link OptionModel}). */
    public void addTo(CommandSpec spec) {
        spec.addOption(bound(option("-o").type(Path.class).paramLabel("FILE")
                .description("Write the trace to FILE instead of stderr (text) or stdout (json, csv, html)."),
                new Field<Path>() {
                    @Override Path value() { return outputFile; }
                    @Override void accept(Path v) { outputFile = v; }
                }));
        spec.addOption(bound(option("-c", "--summary-only").type(boolean.class)
                .description("Count time, calls and errors per syscall; print a summary at the end instead of the trace. "
            + "Time is the system CPU time of each call, as strace counts it; -w for wall time."),
                new Field<Boolean>() {
                    @Override Boolean value() { return summaryOnly; }
                    @Override void accept(Boolean v) { summaryOnly = v; }
                }));
        spec.addOption(bound(option("-C", "--summary").type(boolean.class)
                .description("Like -c, but print the trace too."),
                new Field<Boolean>() {
                    @Override Boolean value() { return summaryAndTrace; }
                    @Override void accept(Boolean v) { summaryAndTrace = v; }
                }));
        spec.addOption(bound(option("-w", "--summary-wall-clock").type(boolean.class)
                .description("With -c or -C: count each call's wall time (entry to exit) instead of its system time."),
                new Field<Boolean>() {
                    @Override Boolean value() { return wallClock; }
                    @Override void accept(Boolean v) { wallClock = v; }
                }));
        spec.addOption(bound(option("-a", "--columns").type(String.class).paramLabel("COLUMN")
                .description("Align the results of calls at COLUMN (default 40)."),
                new Field<String>() {
                    @Override String value() { return column; }
                    @Override void accept(String v) { column = v; }
                }));
        spec.addOption(bound(option("-S").type(String.class).paramLabel("SORTBY")
                .description("Sort the summary by time (default), calls, errors or name."),
                new Field<String>() {
                    @Override String value() { return sortBy; }
                    @Override void accept(String v) { sortBy = v; }
                }));
        spec.addOption(bound(option("-T").type(boolean.class)
                .description("Show the time spent in each syscall."),
                new Field<Boolean>() {
                    @Override Boolean value() { return showDuration; }
                    @Override void accept(Boolean v) { showDuration = v; }
                }));
        spec.addOption(bound(repeatable("-t")
                .description("Prefix lines with the time of day; -tt adds microseconds, -ttt prints seconds since the epoch."),
                new Field<boolean[]>() {
                    @Override boolean[] value() { return absoluteTimestamps; }
                    @Override void accept(boolean[] v) { absoluteTimestamps = v; }
                }));
        spec.addOption(bound(option("-r").type(boolean.class)
                .description("Prefix lines with the time since the previous line."),
                new Field<Boolean>() {
                    @Override Boolean value() { return relativeTimestamps; }
                    @Override void accept(Boolean v) { relativeTimestamps = v; }
                }));
        spec.addOption(bound(option("--format").type(String.class).paramLabel("FORMAT")
                .description("Trace format: text (default), json, csv or html. The last three go to stdout, which the traced program shares: use -o when it prints there."),
                new Field<String>() {
                    @Override String value() { return format; }
                    @Override void accept(String v) { format = v; }
                }));
        spec.addOption(bound(option("--stats-extended").type(boolean.class)
                .description("Add min, mean, max, stddev, percentiles and outliers per syscall to the summary (implies -C without -c)."),
                new Field<Boolean>() {
                    @Override Boolean value() { return statsExtended; }
                    @Override void accept(Boolean v) { statsExtended = v; }
                }));
    }

    Path outputFile;

    boolean summaryOnly;

    boolean summaryAndTrace;

    boolean wallClock;
    /** See {@link #timedInKernel()}. */
    private boolean timedInKernel;

    String column;

    String sortBy = "time";

    boolean showDuration;

    boolean[] absoluteTimestamps = new boolean[0];

    boolean relativeTimestamps;

    String format = "text";

    /** The text trace's channel when it is stderr, which renacer's notices share. */
    private OutputChannel stderrTrace;

    boolean statsExtended;

    /**
     * Checks the options (throwing {@link UsageException} for bad ones, before anything starts) and
     * builds the listener that writes the trace and summaries.
     */
    public TraceListener createListener(RunContext context) throws IOException {
        return createListener(context, Display.DEFAULT);
    }

    TraceListener createListener(RunContext context, Display display) throws IOException {
        Format chosen = Format.parse(format);
        if (chosen == null) {
            throw new UsageException("unknown format '" + format + "': use " + Format.choices());
        }
        SortOrder order = SortOrder.parse(sortBy);
        if (order == null) {
            throw new UsageException("invalid -S value '" + sortBy + "': use time, calls, errors or name");
        }
        if (summaryOnly && summaryAndTrace) {
            throw new UsageException("-c and -C are mutually exclusive");
        }
        boolean summary = summaryOnly || summaryAndTrace || statsExtended;
        if (wallClock && !summary) {
            throw new UsageException("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
        }
        if (display.separateFiles() && summary) {
            throw new UsageException("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive");
        }
        // strace: "-ff without -o FILE is the same as single -f"
        if (outputFile == null) display = new Display(display.status(), display.quiet(), display.signals(), false);
        if (display.separateFiles() && chosen != Format.TEXT) {
            throw new UsageException("-ff writes the text format only: use --format text, or -f");
        }
        TextLayout layout = layout(display);
        boolean events = !summaryOnly;
        SyscallStats stats = summary || chosen == Format.HTML ? new SyscallStats(statsExtended, wallClock || timedInKernel) : null;

        if (display.separateFiles()) return separateFiles(context, display, layout);
        OutputChannel channel = openChannel(context, chosen);
        if (events && chosen != Format.HTML) channel.startPeriodicFlush();

        List<TraceListener> listeners = new ArrayList<>();
        if (stats != null) listeners.add(stats);
        List<String> command = context.command().isEmpty()
                ? context.attachPids().stream().map(pid -> "-p " + pid).toList() : context.command();
        switch (chosen) {
            case TEXT -> {
                if (events) {
                    listeners.add(filtered(new TextSink(channel, timestamps(), showDuration, outputFile != null,
                            context.followForks(), layout), display));
                }
                if (summary) listeners.add(new TextSummarySink(channel, stats, order));
            }
            case JSON -> listeners.add(filtered(new JsonSink(channel, command, events, showDuration, summary ? stats : null, order), display));
            case CSV -> listeners.add(filtered(new CsvSink(channel, events, showDuration, summary ? stats : null, order), display));
            case HTML -> listeners.add(new HtmlReport(channel, command, stats, order, showDuration,
                    events ? HtmlReport.DEFAULT_EVENT_LIMIT : 0));
        }
        listeners.add(new TraceListener() {
            @Override public void onFinish() { channel.close(); }
        });
        return new CompositeListener(listeners);
    }

    /** -ff -o NAME: every task's text trace in NAME.TID. */
    private TraceListener separateFiles(RunContext context, Display display, TextLayout layout) {
        return filtered(new SeparateFiles(outputFile, context.stderr(), this::timestamps, showDuration, layout), display);
    }

    /** -e status=, -z, -Z: only the calls that ended so are written (the summary counts them all). */
    private static TraceListener filtered(TraceListener sink, Display display) {
        return StatusFilter.filters(display.status()) ? new StatusFilter(sink, display.status()) : sink;
    }

    private Timestamps timestamps() {
        int absolute = absoluteTimestamps.length;
        // the zone only for -t and -tt: TimeZone.getDefault() reads the zone database:
        // 3.2-3.4 ms of the main thread's CPU at every start under the profiler
        return new Timestamps(absolute, relativeTimestamps, absolute == 1 || absolute == 2 ? TimeZone.getDefault() : null);
    }

    /** -a, -q / -e quiet=, -e signal=. */
    private TextLayout layout(Display display) {
        int at = TextLayout.DEFAULT_COLUMN;
        if (column != null) {
            at = dev.renacer.filter.NumberSet.unsigned(column);
            if (at < 0) throw new UsageException("invalid -a argument: '" + column + "'");
        }
        return new TextLayout(at, !display.quiet().contains(Quiet.EXIT), !display.quiet().contains(Quiet.PERSONALITY),
                display.signals());
    }

    /** Where renacer's notices go: {@code stderr}, after the trace lines written before them when the trace is there too. */
    java.io.PrintStream diagnostics(java.io.PrintStream stderr) {
        return stderrTrace == null ? stderr : new dev.renacer.output.OrderedDiagnostics(stderr, stderrTrace);
    }

    /** -w: the summary counts wall time instead of system time. */
    boolean wallClock() {
        return wallClock;
    }

    /**
     * The eBPF backend times each call from entry to exit in the kernel and cannot read system time per call:
     * its summary is wall time, as with -w, and says so.
     */
    void timedInKernel() {
        timedInKernel = true;
    }

    /** True when a summary counts system time (-c, -C, --stats-extended, html, without -w): the tracer must measure it. */
    boolean countsSystemTime() {
        return (summaryOnly || summaryAndTrace || statsExtended || "html".equals(format)) && !wallClock && !timedInKernel;
    }

    /** -o FILE: the trace goes to a file (strace's default -I3 for a launched command follows from it). */
    boolean writesToFile() {
        return outputFile != null;
    }

    /**
     * False when only the summary is written (-c): no sink reads the decoded arguments or results, so
     * the tracer can skip decoding, as strace -c does.
     */
    public boolean needsDecodedCalls() {
        return !summaryOnly;
    }

    /** True with -c alone: the summary's counts are all that is written (no per-call durations either). */
    public boolean needsOnlyCounts() {
        return summaryOnly && !statsExtended;
    }

    private OutputChannel openChannel(RunContext context, Format chosen) {
        if (outputFile != null) {
            OutputStream file;
            try {
                file = Files.newOutputStream(outputFile);
            } catch (IOException e) {
                throw new UsageException("Can't fopen '" + outputFile + "': " + IoErrors.reason(e));
            }
            return new OutputChannel(file, outputFile.toString(), context.stderr(), true);
        }
        if (chosen == Format.TEXT) {
            // strace writes its trace to stderr, keeping stdout for the traced program
            return stderrTrace = new OutputChannel(context.stderr(), "standard error", context.stderr(), false);
        }
        return new OutputChannel(context.stdout(), "standard output", context.stderr(), false);
    }
}
