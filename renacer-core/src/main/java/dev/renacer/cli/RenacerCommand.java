package dev.renacer.cli;

import dev.renacer.cli.OptionModel.Field;
import dev.renacer.filter.Qualifiers;
import dev.renacer.linux.Environ;
import dev.renacer.trace.Argv;
import dev.renacer.trace.Backend;
import dev.renacer.trace.CompositeListener;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.renacer.cli.OptionModel.bound;
import static dev.renacer.cli.OptionModel.option;
import static dev.renacer.cli.OptionModel.repeatable;

/** {@code renacer [options] -- CMD [ARGS...]} or {@code renacer [options] -p PID}: the strace-compatible command line. */
public final class RenacerCommand {

    /** The command line's model (built by hand: {@link OptionModel}), bound to this command and its option groups. */
    CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("renacer").versionProvider(new Version());
        spec.usageMessage().sortOptions(false).autoWidth(true)
                .description("Trace the system calls of a Linux program, strace style, with statistics and OpenTelemetry export.")
                .footer("", "Exit status: the traced command's (128+N if signal N killed it); 0 after -p;",
                        "1 if the command cannot be executed or nothing can be traced; 2 for bad options.");
        spec.addOption(bound(option("-p").type(List.class).auxiliaryTypes(String.class).paramLabel("PID").splitRegex(",")
                .description("Attach to the process PID (repeatable, or PID1,PID2); SIGINT or SIGTERM detaches."),
                new Field<List<String>>() {
                    @Override List<String> value() { return attachPids; }
                    @Override void accept(List<String> v) { attachPids = v; }
                }));
        spec.addOption(bound(repeatable("-f")
                .description("Follow forks, vforks, clones and threads; -ff with -o FILE writes each task's trace to FILE.PID."),
                new Field<boolean[]>() {
                    @Override boolean[] value() { return followForks; }
                    @Override void accept(boolean[] v) { followForks = v; }
                }));
        spec.addOption(bound(option("--follow-forks").type(boolean.class)
                .description("Same as -f."),
                new Field<Boolean>() {
                    @Override Boolean value() { return followForksLong; }
                    @Override void accept(Boolean v) { followForksLong = v; }
                }));
        spec.addOption(bound(option("--output-separately").type(boolean.class)
                .description("With -f and -o FILE: each task's trace in FILE.PID (-ff)."),
                new Field<Boolean>() {
                    @Override Boolean value() { return outputSeparately; }
                    @Override void accept(Boolean v) { outputSeparately = v; }
                }));
        qualifierOptions.addTo(spec);
        spec.addOption(bound(option("-s").type(int.class).paramLabel("SIZE").defaultValue("32")
                .description("Print at most SIZE bytes of each string (default ${DEFAULT-VALUE})."),
                new Field<Integer>() {
                    @Override Integer value() { return stringLimit; }
                    @Override void accept(Integer v) { stringLimit = v; }
                }));
        output.addTo(spec);
        launch.addTo(spec);
        otlp.addTo(spec);
        spec.addOption(bound(option("--daemon-tracee").type(Integer.class).hidden(true),
                new Field<Integer>() {
                    @Override Integer value() { return daemonTracee; }
                    @Override void accept(Integer v) { daemonTracee = v; }
                }));
        backend.addTo(spec);
        spec.addOption(bound(option("--cpu-dma-latency").type(String.class).paramLabel("US|off").defaultValue("0")
                .description("While the ptrace backend traces, ask the kernel (PM QoS, /dev/cpu_dma_latency) to keep CPUs out of "
                    + "idle states slower than US microseconds to leave: each stop wakes the tracer, then the command, and a "
                    + "halted CPU is slow to wake. 0 (the default): idle CPUs poll; off: ask nothing. Needs root; without, nothing is held."),
                new Field<String>() {
                    @Override String value() { return cpuDmaLatency; }
                    @Override void accept(String v) { cpuDmaLatency = v; }
                }));
        Field<List<String>> commandField = new Field<>() {
            @Override List<String> value() { return command; }
            @Override void accept(List<String> v) { command = v; }
        };
        spec.addPositional(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class).paramLabel("CMD").arity("0..*")
                .description("The command to run and trace, with its arguments.")
                .hasInitialValue(false).getter(commandField).setter(commandField).build());
        spec.addOption(bound(option("-I", "--interruptible").type(String.class).paramLabel("INTERRUPTIBLE")
                .description("When fatal signals interrupt renacer: 1 (anywhere), 2 (waiting: detach, then die by the signal), "
                    + "3 (never: ignored; the default for -o FILE with a command), 4 (never_tstp: ^Z ignored too)."),
                new Field<String>() {
                    @Override String value() { return interruptible; }
                    @Override void accept(String v) { interruptible = v; }
                }));
        // picocli's standard -h and -V, last, as its mixinStandardHelpOptions adds them (that mixin is an annotated
        // class, which would bring back the annotated model's cost)
        spec.addOption(option("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(option("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        return spec;
    }

    List<String> attachPids = new ArrayList<>();

    boolean[] followForks = new boolean[0];

    boolean followForksLong;

    boolean outputSeparately;

    QualifierOptions qualifierOptions = new QualifierOptions();

    int stringLimit;

    OutputOptions output = new OutputOptions();

    LaunchOptions launch = new LaunchOptions();

    OtlpOptions otlp = new OtlpOptions();

    /** renacer -D's tracer, started by renacer itself: the renacer process to adopt (see {@link Daemonized}). */
    Integer daemonTracee;

    BackendOptions backend = new BackendOptions();

    String cpuDmaLatency;

    /** The largest PM QoS CPU latency the kernel takes (PM_QOS_DEFAULT_VALUE, 2000 s, is no constraint at all). */
    static final int MAX_CPU_LATENCY_MICROS = 2_000_000_000;

    /** --cpu-dma-latency as the tracer takes it: µs, or -1 for "off". */
    int cpuLatencyMicros() {
        if (cpuDmaLatency.equals("off")) return -1;
        try {
            int micros = Integer.parseInt(cpuDmaLatency);
            if (micros >= 0 && micros <= MAX_CPU_LATENCY_MICROS) return micros;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("invalid --cpu-dma-latency argument: '" + cpuDmaLatency
                + "' (a number of microseconds from 0 to " + MAX_CPU_LATENCY_MICROS + ", or off)");
    }

    List<String> command = new ArrayList<>();

    /** renacer's own arguments as bytes (the command is their tail), or null when not known. */
    private final List<byte[]> rawArgs;
    /** The same, as the JVM decoded them. */
    private final List<String> args;

    RenacerCommand(List<byte[]> rawArgs, List<String> args) {
        this.rawArgs = rawArgs;
        this.args = List.copyOf(args);
    }

    /** renacer's own arguments as bytes: as the kernel gave them, or as the JVM would encode them. */
    private List<byte[]> arguments() {
        if (rawArgs != null) return rawArgs;
        List<byte[]> encoded = new ArrayList<>();
        for (String a : args) encoded.add(a.getBytes(Argv.nativeCharset()));
        return encoded;
    }

    /** The command as the bytes renacer was given: the last {@code command.size()} of its arguments. */
    Argv commandArgv() {
        if (rawArgs == null || rawArgs.size() < command.size()) return Argv.of(command);
        return Argv.of(rawArgs.subList(rawArgs.size() - command.size(), rawArgs.size()), command);
    }

    /** strace's bound on -s (a quarter of the unsigned range): it rejects anything above it the same way. */
    static final int MAX_STRING_LIMIT = (int) (0xffffffffL / 4);

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

    /**
     * -P's paths as strace selects them: each as given and, where it differs, its realpath, with strace's
     * notice "Requested path ... resolved into ..." unless -e quiet=path-resolution.
     */
    private List<byte[]> tracePaths(Qualifiers qualifiers, java.io.PrintStream stderr) {
        List<byte[]> paths = new ArrayList<>();
        for (String p : qualifierOptions.tracePaths) {
            byte[] given = p.getBytes(Argv.nativeCharset());
            paths.add(given);
            String resolved;
            try {
                resolved = java.nio.file.Path.of(p).toRealPath().toString();
            } catch (IOException | java.nio.file.InvalidPathException e) {
                continue; // strace's realpath fails too: the path as given is all there is
            }
            if (resolved.equals(p)) continue;
            byte[] real = resolved.getBytes(Argv.nativeCharset());
            paths.add(real);
            if (!qualifiers.quietPathResolution()) {
                stderr.println("renacer: Requested path " + dev.renacer.syscall.decode.Quoter.quoted(given)
                        + " resolved into " + dev.renacer.syscall.decode.Quoter.quoted(real));
            }
        }
        return paths;
    }

    /**
     * -D, in the renacer the user started: the launch options are checked here (the tracer checks the others and
     * says what is wrong), the tracer is started, and this process becomes the command (see {@link Daemonized}).
     */
    private int daemonize(java.io.PrintStream stderr) {
        Tracer.Builder builder = Tracer.builder().followForks(following())
                .passDescriptors(LauncherState.passDescriptors())
                .closedDescriptors(LauncherState.closedDescriptors())
                .environmentOrder(Environ.names(System.getProperty(Environ.ORDER_PROPERTY)));
        LauncherState.signals(builder);
        // its warnings are the tracer's to print, once
        launch.configure(builder, following(), command.isEmpty(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return builder.build().execDaemonized(commandArgv(), launch.daemonizeLevel(), Daemonized.tracerCommand(arguments()));
        } catch (TraceException e) {
            stderr.println("renacer: " + e.getMessage());
            return 1;
        }
    }

    /** An -e read=/write= set as the tracer asks it; none when it is empty, so that no call is looked at. */
    static java.util.function.IntPredicate dumpSet(dev.renacer.filter.NumberSet set) {
        return set.containsNone(1 << 16) && !set.contains(Integer.MAX_VALUE)
                ? dev.renacer.syscall.decode.DecodeOptions.NO_DESCRIPTOR : set::contains;
    }

    /** RENACER_POLL_US: how long the tracer polls for the next stop before it sleeps (README, Waiting for stops). */
    static final String POLL_VARIABLE = "RENACER_POLL_US";

    private static long pollMicros(Map<String, String> environment) {
        String value = environment.get(POLL_VARIABLE);
        if (value == null || value.isEmpty()) return dev.renacer.trace.Tracer.DEFAULT_POLL_MICROS;
        try {
            long micros = Long.parseLong(value);
            if (micros >= 0 && micros <= 1_000_000) return micros;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(POLL_VARIABLE + " must be a number of microseconds from 0 to 1000000, not '" + value + "'");
    }

    boolean following() {
        return followForks.length > 0 || followForksLong;
    }

    /** -ff or --output-separately, checked as strace checks them (-o is OutputOptions' to weigh). */
    private boolean separateFiles(java.io.PrintStream stderr) {
        if (followForks.length > 0 && followForksLong) throw new UsageException("-f and --follow-forks cannot be provided simultaneously");
        if (followForks.length >= 2 && outputSeparately) {
            throw new UsageException("-ff and --output-separately cannot be provided simultaneously");
        }
        boolean separately = followForks.length >= 2 || outputSeparately;
        if (separately && !following() && output.outputFile == null) {
            stderr.println("renacer: --output-separately has no effect without -o/--output");
        }
        return separately;
    }

    /** Set (to anything): print the tracer's exact counts at exit, for renacer-bench's gate (docs/benchmarks.md). */
    public static final String COUNTERS_VARIABLE = "RENACER_COUNTERS";

    /** Runs the trace; returns how renacer ends. Usage errors surface as {@link UsageException}. */
    Outcome run(Map<String, String> environment, java.io.PrintStream stdout, java.io.PrintStream stderr) throws IOException {
        if (daemonTracee == null) return trace(environment, stdout, stderr);
        // renacer -D's tracer: the renacer that started it waits on our parent, which we kill to say how it went
        int intermediate = Daemonized.intermediate();
        if (intermediate == 0) throw new UsageException("--daemon-tracee is for the tracer renacer -D starts");
        Daemonized.ignoreSignals();
        try {
            return trace(environment, stdout, stderr); // the seize, or its failure, killed the trampoline already
        } catch (UsageException e) {
            stderr.println("renacer: " + e.getMessage()); // said before the renacer waiting on it ends
            stderr.flush();
            Daemonized.refused(intermediate);
            return Outcome.exit(Main.EXIT_USAGE);
        } catch (IOException | RuntimeException e) {
            stderr.println("renacer: " + e.getMessage());
            stderr.flush();
            Daemonized.failed(intermediate);
            return Outcome.exit(Main.EXIT_CANNOT_TRACE);
        }
    }

    private Outcome trace(Map<String, String> environment, java.io.PrintStream stdout, java.io.PrintStream stderr) throws IOException {
        List<Integer> pids = pids();
        if (command.isEmpty() && pids.isEmpty()) throw new UsageException("must have PROG [ARGS] or -p PID\nTry 'renacer -h' for more information.");
        if (!command.isEmpty() && !pids.isEmpty()) throw new UsageException("-p PID and a command cannot be given together");
        if (stringLimit < 0 || stringLimit > MAX_STRING_LIMIT) throw new UsageException("invalid -s argument: '" + stringLimit + "'");
        var chosenBackend = backend.backend();
        int bufferBytes = backend.bufferBytes();
        if (chosenBackend == Backend.EBPF && launch.daemonizeLevel() > 0) throw new UsageException(PtraceOnly.refusal("-D"));
        if (launch.daemonizeLevel() > 0 && daemonTracee == null) return Outcome.exit(daemonize(stderr));
        Interruptibility interruptibility = interruptibility();
        Qualifiers qualifiers = qualifierOptions.qualifiers(output.outputFile != null && !command.isEmpty(),
                warning -> stderr.println("renacer: " + warning));
        if (chosenBackend == Backend.EBPF) {
            PtraceOnly.check(qualifiers, qualifierOptions, launch);
            output.timedInKernel();
        }
        RunContext context = new RunContext(List.copyOf(command), List.copyOf(pids), following(), environment, stdout, stderr);
        Display display = new Display(qualifiers.status(), qualifiers.quiet(), qualifiers.signalTable(), separateFiles(stderr));

        TraceListener otlpListener = otlp.createListener(context);
        TraceListener outputListener = output.createListener(context, display);
        List<TraceListener> listeners = new ArrayList<>();
        listeners.add(outputListener);
        if (otlpListener != null) listeners.add(otlpListener);
        TraceListener listener = listeners.size() == 1 ? listeners.get(0) : new CompositeListener(listeners);

        Tracer.Builder tracerBuilder = Tracer.builder().followForks(following()).filter(qualifiers.trace()).stringLimit(stringLimit)
                .hexStrings(qualifierOptions.hexStrings()).fdDetails(qualifiers.decodeFds())
                .decode(output.needsDecodedCalls() || otlpListener != null).listener(listener).diagnostics(output.diagnostics(stderr))
                .backend(chosenBackend).ebpfBufferBytes(bufferBytes)
                .summaryOnly(output.needsOnlyCounts() && otlpListener == null)
                .quietAttach(qualifiers.quiet().contains(dev.renacer.filter.Quiet.ATTACH)).inject(qualifiers.inject())
                .dumps(dumpSet(qualifiers.reads()), dumpSet(qualifiers.writes()))
                .tracePaths(tracePaths(qualifiers, stderr)).systemTime(output.countsSystemTime())
                .display(qualifiers.abbrev()::traces, qualifiers.verbose()::traces, qualifiers.raw()::traces)
                .passDescriptors(LauncherState.passDescriptors())
                .closedDescriptors(LauncherState.closedDescriptors())
                .environmentOrder(Environ.names(System.getProperty(Environ.ORDER_PROPERTY)));
        LauncherState.signals(tracerBuilder);
        tracerBuilder.pollMicros(pollMicros(environment)).cpuLatencyMicros(cpuLatencyMicros());
        launch.configure(tracerBuilder, following(), command.isEmpty(), stderr);
        if (launch.seccompRequested() && dev.renacer.filter.SeccompProgram.hex(qualifiers.trace()) == null) {
            stderr.println("renacer: Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.");
        }
        Tracer tracer = tracerBuilder.build();
        if (daemonTracee == null) SignalHandling.install(interruptibility, tracer);
        try {
            TraceResult result = daemonTracee != null
                    ? tracer.adoptDaemonized(daemonTracee, Daemonized.intermediate(), commandArgv())
                    : command.isEmpty() ? tracer.attach(pids) : tracer.launch(commandArgv());
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
