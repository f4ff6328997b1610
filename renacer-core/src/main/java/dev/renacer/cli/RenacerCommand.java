package dev.renacer.cli;

import dev.renacer.filter.FilterException;
import dev.renacer.filter.TraceFilter;
import dev.renacer.linux.Environ;
import dev.renacer.trace.Argv;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code renacer [options] -- CMD [ARGS...]} or {@code renacer [options] -p PID}: the strace-compatible command line. */
@Command(name = "renacer", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Trace the system calls of a Linux program, strace style, with statistics and OpenTelemetry export.",
        footer = {"", "Exit status: the traced command's (128+N if signal N killed it); 0 after -p;",
                "1 if the command cannot be executed or nothing can be traced; 2 for bad options."})
public final class RenacerCommand {

    @Option(names = "-p", paramLabel = "PID", split = ",",
            description = "Attach to the process PID (repeatable, or PID1,PID2); SIGINT or SIGTERM detaches.")
    List<String> attachPids = new ArrayList<>();

    @Option(names = "-f", description = "Follow forks, vforks, clones and threads.")
    boolean followForks;

    @Option(names = "-e", paramLabel = "EXPR",
            description = "Qualify: trace=SET (names, %%class, !negation, /regex/), e.g. -e trace=file,!close.")
    List<String> qualifiers = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "SET", description = "Same as -e trace=SET.")
    List<String> traceSets = new ArrayList<>();

    @Option(names = "-s", paramLabel = "SIZE", description = "Print at most SIZE bytes of each string (default ${DEFAULT-VALUE}).",
            defaultValue = "32")
    int stringLimit;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    OtlpOptions otlp = new OtlpOptions();

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run and trace, with its arguments.")
    List<String> command = new ArrayList<>();

    /** renacer's own arguments as bytes (the command is their tail), or null when not known. */
    private final List<byte[]> rawArgs;

    RenacerCommand(List<byte[]> rawArgs) {
        this.rawArgs = rawArgs;
    }

    /** The command as the bytes renacer was given: the last {@code command.size()} of its arguments. */
    Argv commandArgv() {
        if (rawArgs == null || rawArgs.size() < command.size()) return Argv.of(command);
        return Argv.of(rawArgs.subList(rawArgs.size() - command.size(), rawArgs.size()), command);
    }

    /** strace's bound on -s (a quarter of the unsigned range): it rejects anything above it the same way. */
    static final int MAX_STRING_LIMIT = (int) (0xffffffffL / 4);

    @Option(names = {"-I", "--interruptible"}, paramLabel = "INTERRUPTIBLE",
            description = "When fatal signals interrupt renacer: 1 (anywhere), 2 (waiting: detach, then die by the signal), "
                    + "3 (never: ignored; the default for -o FILE with a command), 4 (never_tstp: ^Z ignored too).")
    String interruptible;

    Interruptibility interruptibility() {
        if (interruptible == null) return Interruptibility.byDefault(output.writesToFile(), !command.isEmpty());
        Interruptibility mode = Interruptibility.parse(interruptible);
        if (mode == null) throw new UsageException("invalid -I argument: '" + interruptible + "'");
        return mode;
    }

    /** Parsed -p values, checked. */
    List<Integer> pids() {
        List<Integer> pids = new ArrayList<>();
        for (String p : attachPids) {
            String s = p.trim();
            int pid;
            try {
                pid = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new UsageException("Invalid process id: '" + p + "'");
            }
            if (pid <= 0) throw new UsageException("Invalid process id: '" + p + "'");
            if (pid == ProcessHandle.current().pid()) throw new UsageException("I'm sorry, I can't let you do that, Dave.");
            pids.add(pid);
        }
        return pids;
    }

    TraceFilter filter() {
        List<String> specs = new ArrayList<>(qualifiers);
        for (String t : traceSets) specs.add("trace=" + t);
        TraceFilter filter = TraceFilter.all();
        try {
            for (String spec : specs) filter = TraceFilter.parseQualifier(spec);
        } catch (FilterException e) {
            throw new UsageException(e.getMessage());
        }
        return filter;
    }

    /** Set (to anything): print the tracer's exact counts at exit, for renacer-bench's gate (docs/benchmarks.md). */
    public static final String COUNTERS_VARIABLE = "RENACER_COUNTERS";

    /** Runs the trace; returns how renacer ends. Usage errors surface as {@link UsageException}. */
    Outcome run(Map<String, String> environment, java.io.PrintStream stdout, java.io.PrintStream stderr) throws IOException {
        List<Integer> pids = pids();
        if (command.isEmpty() && pids.isEmpty()) throw new UsageException("must have PROG [ARGS] or -p PID\nTry 'renacer -h' for more information.");
        if (!command.isEmpty() && !pids.isEmpty()) throw new UsageException("-p PID and a command cannot be given together");
        if (stringLimit < 0 || stringLimit > MAX_STRING_LIMIT) throw new UsageException("invalid -s argument: '" + stringLimit + "'");
        Interruptibility interruptibility = interruptibility();
        TraceFilter filter = filter();
        var chosenBackend = backend.backend();
        int bufferBytes = backend.bufferBytes();
        RunContext context = new RunContext(List.copyOf(command), List.copyOf(pids), followForks, environment, stdout, stderr);

        TraceListener otlpListener = otlp.createListener(context);
        TraceListener outputListener = output.createListener(context);
        List<TraceListener> listeners = new ArrayList<>();
        listeners.add(outputListener);
        if (otlpListener != null) listeners.add(otlpListener);
        TraceListener listener = listeners.size() == 1 ? listeners.get(0) : new CompositeListener(listeners);

        Tracer.Builder tracerBuilder = Tracer.builder().followForks(followForks).filter(filter).stringLimit(stringLimit)
                .decode(output.needsDecodedCalls() || otlpListener != null).listener(listener).diagnostics(stderr)
                .backend(chosenBackend).ebpfBufferBytes(bufferBytes)
                .summaryOnly(output.needsOnlyCounts() && otlpListener == null)
                .passDescriptors(LauncherState.passDescriptors())
                .closedDescriptors(LauncherState.closedDescriptors())
                .environmentOrder(Environ.names(System.getProperty(Environ.ORDER_PROPERTY)));
        LauncherState.signals(tracerBuilder);
        Tracer tracer = tracerBuilder.build();
        SignalHandling.install(interruptibility, tracer);
        try {
            TraceResult result = command.isEmpty() ? tracer.attach(pids) : tracer.launch(commandArgv());
            if (environment.containsKey(COUNTERS_VARIABLE)) stderr.println("renacer: " + result.counters().line());
            // as strace: die by the signal that interrupted renacer, or by the one that killed the command
            int signal = result.interruptSignal() != 0 ? result.interruptSignal() : result.commandSignal();
            return new Outcome(signal != 0 ? 128 + signal : result.exitStatus(), signal);
        } catch (TraceException e) {
            stderr.println("renacer: " + e.getMessage());
            return Outcome.exit(1);
        }
    }
}
