package dev.renacer.cli;

import dev.renacer.filter.FilterException;
import dev.renacer.filter.TraceFilter;
import dev.renacer.linux.Environ;
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

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run and trace, with its arguments.")
    List<String> command = new ArrayList<>();

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

    /**
     * Set by the {@code renacer} launcher: the descriptors above 2 it inherited without close-on-exec,
     * which a launched command inherits too, as under strace. The JVM's own descriptors are not among them.
     */
    static final String PASS_FDS_PROPERTY = "renacer.passFds";

    /** "3,7,10" as set by the launcher; anything that is not a descriptor above 2 is left out. */
    static int[] inheritedDescriptors(String list) {
        if (list == null || list.isBlank()) return new int[0];
        return java.util.Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(t -> t.matches("[0-9]{1,9}"))
                .mapToInt(Integer::parseInt)
                .filter(fd -> fd > 2)
                .distinct()
                .toArray();
    }

    /** Set (to anything): print the tracer's exact counts at exit, for renacer-bench's gate (docs/benchmarks.md). */
    public static final String COUNTERS_VARIABLE = "RENACER_COUNTERS";

    /** Runs the trace; returns renacer's exit status. Usage errors surface as {@link UsageException}. */
    int run(Map<String, String> environment, java.io.PrintStream stdout, java.io.PrintStream stderr) throws IOException {
        List<Integer> pids = pids();
        if (command.isEmpty() && pids.isEmpty()) throw new UsageException("must have PROG [ARGS] or -p PID\nTry 'renacer -h' for more information.");
        if (!command.isEmpty() && !pids.isEmpty()) throw new UsageException("-p PID and a command cannot be given together");
        if (stringLimit < 0) throw new UsageException("invalid -s argument: '" + stringLimit + "'");
        TraceFilter filter = filter();
        RunContext context = new RunContext(List.copyOf(command), List.copyOf(pids), followForks, environment, stdout, stderr);

        TraceListener otlpListener = otlp.createListener(context);
        TraceListener outputListener = output.createListener(context);
        List<TraceListener> listeners = new ArrayList<>();
        listeners.add(outputListener);
        if (otlpListener != null) listeners.add(otlpListener);
        TraceListener listener = listeners.size() == 1 ? listeners.get(0) : new CompositeListener(listeners);

        Tracer tracer = Tracer.builder().followForks(followForks).filter(filter).stringLimit(stringLimit)
                .decode(output.needsDecodedCalls() || otlpListener != null).listener(listener).diagnostics(stderr)
                .passDescriptors(inheritedDescriptors(System.getProperty(PASS_FDS_PROPERTY)))
                .environmentOrder(Environ.names(System.getProperty(Environ.ORDER_PROPERTY))).build();
        SignalForwarding.install(tracer);
        try {
            TraceResult result = command.isEmpty() ? tracer.attach(pids) : tracer.launch(command);
            if (environment.containsKey(COUNTERS_VARIABLE)) stderr.println("renacer: " + result.counters().line());
            return result.exitStatus();
        } catch (TraceException e) {
            stderr.println("renacer: " + e.getMessage());
            return 1;
        }
    }
}
