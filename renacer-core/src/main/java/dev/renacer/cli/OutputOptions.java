package dev.renacer.cli;

import dev.renacer.output.CsvSink;
import dev.renacer.output.Format;
import dev.renacer.output.HtmlReport;
import dev.renacer.output.JsonSink;
import dev.renacer.output.OutputChannel;
import dev.renacer.output.TextSink;
import dev.renacer.output.TextSummarySink;
import dev.renacer.output.Timestamps;
import dev.renacer.stats.SortOrder;
import dev.renacer.stats.SyscallStats;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.TraceListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.renacer.io.IoErrors;

import java.nio.file.Files;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The options that decide what renacer writes and where: -o, -c, -C, -S, -T, -t/-tt/-ttt, -r,
 * --format and --stats-extended. The main command includes this class with {@code @Mixin}.
 */
@Command
public final class OutputOptions {

    @Option(names = "-o", paramLabel = "FILE", description = "Write the trace to FILE instead of stderr (text) or stdout (json, csv, html).")
    Path outputFile;

    @Option(names = "-c", description = "Count time (wall latency, as strace -w), calls and errors per syscall; print a summary at the end instead of the trace.")
    boolean summaryOnly;

    @Option(names = "-C", description = "Like -c, but print the trace too.")
    boolean summaryAndTrace;

    @Option(names = "-S", paramLabel = "SORTBY", description = "Sort the summary by time (default), calls, errors or name.")
    String sortBy = "time";

    @Option(names = "-T", description = "Show the time spent in each syscall.")
    boolean showDuration;

    @Option(names = "-t", description = "Prefix lines with the time of day; -tt adds microseconds, -ttt prints seconds since the epoch.")
    boolean[] absoluteTimestamps = new boolean[0];

    @Option(names = "-r", description = "Prefix lines with the time since the previous line.")
    boolean relativeTimestamps;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Trace format: text (default), json, csv or html. The last three go to stdout, which the traced program shares: use -o when it prints there.")
    String format = "text";

    @Option(names = "--stats-extended", description = "Add min, mean, max, stddev, percentiles and outliers per syscall to the summary (implies -C without -c).")
    boolean statsExtended;

    /**
     * Checks the options (throwing {@link UsageException} for bad ones, before anything starts) and
     * builds the listener that writes the trace and summaries.
     */
    public TraceListener createListener(RunContext context) throws IOException {
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
        boolean events = !summaryOnly;
        SyscallStats stats = summary || chosen == Format.HTML ? new SyscallStats(statsExtended) : null;

        OutputChannel channel = openChannel(context, chosen);
        if (events && chosen != Format.HTML) channel.startPeriodicFlush();

        List<TraceListener> listeners = new ArrayList<>();
        if (stats != null) listeners.add(stats);
        List<String> command = context.command().isEmpty()
                ? context.attachPids().stream().map(pid -> "-p " + pid).toList() : context.command();
        switch (chosen) {
            case TEXT -> {
                if (events) {
                    int t = absoluteTimestamps.length;
                    listeners.add(new TextSink(channel, new Timestamps(t, relativeTimestamps, TimeZone.getDefault()),
                            showDuration, outputFile != null, context.followForks()));
                }
                if (summary) listeners.add(new TextSummarySink(channel, stats, order));
            }
            case JSON -> listeners.add(new JsonSink(channel, command, events, showDuration, summary ? stats : null, order));
            case CSV -> listeners.add(new CsvSink(channel, events, showDuration, summary ? stats : null, order));
            case HTML -> listeners.add(new HtmlReport(channel, command, stats, order, showDuration,
                    events ? HtmlReport.DEFAULT_EVENT_LIMIT : 0));
        }
        listeners.add(new TraceListener() {
            @Override public void onFinish() { channel.close(); }
        });
        return new CompositeListener(listeners);
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
            return new OutputChannel(context.stderr(), "standard error", context.stderr(), false);
        }
        return new OutputChannel(context.stdout(), "standard output", context.stderr(), false);
    }
}
