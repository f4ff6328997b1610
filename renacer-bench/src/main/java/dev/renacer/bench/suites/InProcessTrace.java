package dev.renacer.bench.suites;

import dev.renacer.cli.OtlpOptions;
import dev.renacer.cli.OutputOptions;
import dev.renacer.cli.QualifierOptions;
import dev.renacer.cli.RunContext;
import dev.renacer.filter.Qualifiers;
import dev.renacer.otlp.ExportSummary;
import dev.renacer.otlp.OtlpTraceListener;
import dev.renacer.trace.Backend;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One trace with the Tracer library in this (warm) JVM, wired as the CLI wires it: the output flags
 * are parsed into renacer's own {@link OutputOptions}, whose listener writes the same text, summary
 * or JSON the CLI would. {@link #prepare} does the setup (options, sinks, /dev/null opened);
 * {@link #run} is the trace alone.
 */
final class InProcessTrace {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final Tracing tracing;
    private final List<String> command;
    private final Backend backend;
    private Tracer tracer;
    /** Records the eBPF backend lost in the last run (its once-per-run report to the listener). */
    private long lost;
    /** The OTLP exporter of the run being prepared or just run (--otlp-file), null without one. */
    private OtlpTraceListener export;

    InProcessTrace(Tracing tracing, List<String> command, Backend backend) {
        this.tracing = tracing;
        this.command = List.copyOf(command);
        this.backend = backend;
    }

    /** The CLI's output, qualifier (-e trace=, -y) and OTLP (--otlp-file) options, parsed as the CLI parses them. */
    static final class Flags {
        final OutputOptions output = new OutputOptions();
        final QualifierOptions qualifiers = new QualifierOptions();
        final OtlpOptions otlp = new OtlpOptions();

        static Flags parse(String... args) {
            Flags flags = new Flags();
            CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name("renacer");
            flags.qualifiers.addTo(spec);
            flags.output.addTo(spec);
            flags.otlp.addTo(spec);
            new CommandLine(spec).parseArgs(args);
            return flags;
        }
    }

    /** Builds a fresh tracer and its sinks (they keep per-run state, as in one CLI run). */
    void prepare() throws IOException {
        String[] args = tracing.outputFlags(backend.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
        Flags flags = Flags.parse(args);
        OutputOptions output = flags.output;
        Qualifiers qualifiers = flags.qualifiers.qualifiers(false, warning -> { });
        RunContext context = new RunContext(command, List.of(), true, System.getenv(), QUIET, QUIET);
        List<TraceListener> listeners = new ArrayList<>(List.of(output.createListener(context)));
        TraceListener otlp = flags.otlp.createListener(context);
        if (otlp != null) listeners.add(otlp);
        export = otlp instanceof OtlpTraceListener o ? o : null;
        lost = 0;
        listeners.add(new TraceListener() {
            @Override
            public void onEventsLost(long events) {
                lost += events;
            }
        });
        tracer = Tracer.builder().followForks(true).decode(output.needsDecodedCalls() || otlp != null)
                .listener(new CompositeListener(listeners)).filter(qualifiers.trace()).fdDetails(qualifiers.decodeFds())
                .backend(backend).summaryOnly(output.needsOnlyCounts() && otlp == null).diagnostics(QUIET).build();
    }

    /** Traces the command to its end; it must exit 0. */
    TraceResult run() throws TraceException {
        TraceResult result = tracer.launch(command);
        if (result.exitStatus() != 0) throw new IllegalStateException("exit " + result.exitStatus() + " from " + command);
        return result;
    }

    long lostInLastRun() {
        return lost;
    }

    /** The exporter's counts of the last run (spans exported, dropped), null without OTLP export. */
    ExportSummary exportOfLastRun() {
        return export != null ? export.summary() : null;
    }
}
