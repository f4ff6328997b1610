package dev.renacer.trace;

import dev.renacer.filter.InjectTable;
import dev.renacer.filter.TraceFilter;
import dev.renacer.linux.ProcDescriptors;
import dev.renacer.syscall.decode.DecodeOptions;
import dev.renacer.syscall.decode.FdDetail;
import dev.renacer.syscall.decode.HexStrings;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * renacer as a library: launches a command, or attaches to processes, and traces them until every
 * traced task is gone, handing each event to a {@link TraceListener}.
 *
 * <pre>{@code
 * TraceResult r = Tracer.builder().followForks(true).listener(mySink).build().launch(List.of("ls", "-la"));
 * }</pre>
 *
 * The {@link Backend} decides how syscalls are seen ({@link Builder#backend}); either runs on a
 * dedicated platform thread that it starts for the duration of {@link #launch} or {@link #attach}.
 */
public final class Tracer {
    /**
     * How long the ptrace loop polls for the next stop before it sleeps, by default, in µs (RENACER_POLL_US; README,
     * Waiting for stops): 50 to 1000 measured alike on syscall_heavy.
     */
    public static final long DEFAULT_POLL_MICROS = 200;

    /** The eBPF ring buffer's default size: about 100 ms of the fastest traced program's records. */
    public static final int DEFAULT_EBPF_BUFFER_BYTES = 16 << 20;

    private final TraceBackend backend;
    /** What a command launched here inherits (-D launches it without the backend). */
    private final LaunchSettings launch;
    private volatile int interruptSignal;

    private Tracer(Config config) {
        this.launch = config.launch();
        this.backend = config.backend() == Backend.EBPF ? new dev.renacer.trace.ebpf.EbpfBackend(config)
                : new PtraceBackend(config, this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts {@code command} (argv[0] first, resolved on PATH like strace) and traces it to its end. */
    public TraceResult launch(List<String> command) throws TraceException {
        if (command.isEmpty()) throw new IllegalArgumentException("no command");
        return launch(Argv.of(command));
    }

    /** Starts {@code command}, given as the exact bytes the program receives, and traces it to its end. */
    public TraceResult launch(Argv command) throws TraceException {
        return backend.launch(command);
    }

    /**
     * renacer -D, in the tracer renacer started: traces the renacer process {@code pid} from its execve of the
     * trampoline to its command's end, showing the command from its own execve as a launch does. {@code intermediate}
     * is the trampoline {@code pid} waits on: killed once {@code pid} is seized (see {@link #execDaemonized}).
     * The ptrace backend only.
     */
    public TraceResult adoptDaemonized(int pid, int intermediate, Argv command) throws TraceException {
        if (!(backend instanceof PtraceBackend ptrace)) throw new TraceException("-D needs the ptrace backend");
        return ptrace.adoptDaemonized(pid, intermediate, command);
    }

    /**
     * renacer -D, in the renacer process the user started: starts {@code tracer} (a renacer command line that
     * adopts this process, see {@link #adoptDaemonized}) as a grandchild, in its own process group for
     * {@code level} 2 and session for 3, waits until it has seized this process, and then becomes
     * {@code command} by way of the trampoline, keeping this process's pid and parent, as strace -D does.
     * Returns only when that fails: the exit status renacer should end with (2 when the tracer refused its
     * options and said why).
     */
    public int execDaemonized(Argv command, int level, List<byte[]> tracer) throws TraceException {
        return Daemonizer.run(command, level, tracer, launch);
    }

    /** Attaches to the given processes and traces them until they end or {@link #requestDetach}. */
    public TraceResult attach(List<Integer> pids) throws TraceException {
        if (pids.isEmpty()) throw new IllegalArgumentException("no pid");
        return backend.attach(pids);
    }

    /**
     * Asks the tracer to let go of every tracee, as strace does when a fatal signal interrupts it, and
     * return: the launched command, if it is still traced, is first sent SIGCONT and {@code signal}
     * (strace's cleanup()); every task is then let go and goes on running (or dies of that signal).
     * Safe from any thread, e.g. a signal handler's. {@code signal} 0 detaches without signalling.
     */
    public void requestDetach(int signal) {
        // the first interrupt is the one renacer dies by: strace keeps the last, but a later one is most
        // often a consequence (a SIGPIPE from writing the trace to a reader that went away with the first)
        int first;
        synchronized (this) {
            if (interruptSignal == 0) interruptSignal = signal == 0 ? -1 : signal;
            first = interruptSignal;
        }
        backend.requestDetach(Math.max(first, 0));
    }

    /** The signal of a pending {@link #requestDetach}: -1 for one without a signal, 0 when none was asked. */
    int interruptSignal() {
        return interruptSignal;
    }

    /**
     * Immutable settings of a tracer, read by the backends.
     *
     * @param launch           what a launched command inherits
     * @param summaryOnly      only the -c table is wanted: the eBPF backend then counts in the kernel and
     *                         sends no per-call events
     * @param ebpfBufferBytes  the eBPF backend's ring buffer size in bytes (a power of two)
     * @param systemTime       -c counts system time: the ptrace backend reads each stop's rusage
     * @param seccomp          --seccomp-bpf: a launched command under -f gets the filter of the selected calls
     * @param pollNanos        RENACER_POLL_US: how long the ptrace loop polls for the next stop before blocking
     * @param cpuLatencyMicros --cpu-dma-latency: the PM QoS CPU latency the ptrace backend holds while it traces
     *                         (-1: none; see {@link dev.renacer.linux.CpuLatencyRequest})
     */
    public record Config(boolean followForks, TraceFilter filter, int stringLimit, boolean decode, TraceListener listener,
                         PrintStream diagnostics, LaunchSettings launch, Backend backend, boolean summaryOnly,
                         int ebpfBufferBytes, HexStrings hexStrings, Set<FdDetail> fdDetails, boolean quietAttach,
                         InjectTable inject, IntPredicate reads, IntPredicate writes, List<byte[]> tracePaths,
                         boolean systemTime, IntPredicate abbrev, IntPredicate verbose, IntPredicate raw, boolean seccomp,
                         long pollNanos, int cpuLatencyMicros) {

        /** strace's defaults for every option of issue 12 (no -y, -x, -e inject=, -P ..., -c in wall time). */
        public Config(boolean followForks, TraceFilter filter, int stringLimit, boolean decode, TraceListener listener,
                      PrintStream diagnostics, LaunchSettings launch, Backend backend, boolean summaryOnly, int ebpfBufferBytes) {
            this(followForks, filter, stringLimit, decode, listener, diagnostics, launch, backend, summaryOnly, ebpfBufferBytes,
                    HexStrings.NONE, Set.of(), false, InjectTable.empty(), DecodeOptions.NO_DESCRIPTOR, DecodeOptions.NO_DESCRIPTOR,
                    List.of(), false, DecodeOptions.ALL, DecodeOptions.ALL, DecodeOptions.NONE, false, 0,
                    dev.renacer.linux.CpuLatencyRequest.DEFAULT_MICROS);
        }

        /** The seccomp program a launched command gets (hex, for the trampoline's -s), or null: no filter. */
        String seccompProgram() {
            return seccomp && followForks && !launch.detachOnExec() ? dev.renacer.filter.SeccompProgram.hex(filter) : null;
        }

        /** How the decoder prints: -s, -x, -y; descriptors are read from /proc only when -y asks. */
        public DecodeOptions decodeOptions() {
            return new DecodeOptions(stringLimit, hexStrings, fdDetails, fdDetails.isEmpty() ? null : new ProcDescriptors(),
                    reads, writes, abbrev, verbose, raw);
        }
    }

    public static final class Builder {
        private boolean followForks;
        private TraceFilter filter = TraceFilter.all();
        private int stringLimit = 32;
        private boolean decode = true;
        private TraceListener listener = new TraceListener() {};
        private PrintStream diagnostics = System.err;
        private int[] passDescriptors = new int[0];
        private int[] closedDescriptors = new int[0];
        private List<String> environmentOrder = List.of();
        private LaunchSettings.SignalState signals;
        private Backend backend = Backend.PTRACE;
        private boolean summaryOnly;
        private int ebpfBufferBytes = DEFAULT_EBPF_BUFFER_BYTES;
        private HexStrings hexStrings = HexStrings.NONE;
        private Set<FdDetail> fdDetails = Set.of();
        private boolean quietAttach;
        private InjectTable inject = InjectTable.empty();
        private IntPredicate reads = DecodeOptions.NO_DESCRIPTOR;
        private IntPredicate writes = DecodeOptions.NO_DESCRIPTOR;
        private List<byte[]> tracePaths = List.of();
        private boolean systemTime;
        private List<byte[]> environmentChanges = List.of();
        private LaunchSettings.User user;
        private boolean detachOnExec;
        private IntPredicate abbrev = DecodeOptions.ALL;
        private IntPredicate verbose = DecodeOptions.ALL;
        private IntPredicate raw = DecodeOptions.NONE;
        private boolean seccomp;
        /** The command line's default too (RENACER_POLL_US): in-process users trace as renacer does. */
        private long pollNanos = DEFAULT_POLL_MICROS * 1_000;
        private int cpuLatencyMicros = dev.renacer.linux.CpuLatencyRequest.DEFAULT_MICROS;

        /** -f: follow fork, vfork, clone and clone3, threads included. */
        public Builder followForks(boolean follow) { this.followForks = follow; return this; }

        /** -e trace=: which syscalls reach the listener. */
        public Builder filter(TraceFilter filter) { this.filter = Objects.requireNonNull(filter); return this; }

        /** -s: the longest string printed, in bytes. */
        public Builder stringLimit(int limit) {
            if (limit < 0) throw new IllegalArgumentException("string limit must be >= 0");
            this.stringLimit = limit;
            return this;
        }

        /**
         * Whether to fill {@link SyscallEvent#arguments} and {@link SyscallEvent#result} (default true). A
         * listener that only counts (-c) can do without, which saves reading the tracee's memory.
         */
        public Builder decode(boolean decode) { this.decode = decode; return this; }

        /** -x / -xx: strings in hex. */
        public Builder hexStrings(HexStrings style) { this.hexStrings = Objects.requireNonNull(style); return this; }

        /** -y / -yy / -e decode-fds=: what is printed after a descriptor ({@code 3</etc/passwd>}); default none. */
        public Builder fdDetails(Set<FdDetail> details) { this.fdDetails = Set.copyOf(details); return this; }

        public Builder listener(TraceListener listener) { this.listener = Objects.requireNonNull(listener); return this; }

        /** Where strace-style notices go ("Process N attached"); stderr by default. */
        public Builder diagnostics(PrintStream out) { this.diagnostics = Objects.requireNonNull(out); return this; }

        /** -e read= and -e write=: the descriptors whose data read or written is dumped in hex after each call. */
        public Builder dumps(IntPredicate reads, IntPredicate writes) {
            this.reads = Objects.requireNonNull(reads);
            this.writes = Objects.requireNonNull(writes);
            return this;
        }

        /**
         * -P: only calls that name one of these paths, or use a descriptor whose /proc link does, are traced.
         * Give each path as the user did and, where it differs, resolved (strace's realpath), as strace selects both.
         */
        public Builder tracePaths(List<byte[]> paths) {
            this.tracePaths = paths.stream().map(byte[]::clone).toList();
            return this;
        }

        /**
         * -E: changes to the environment a launched command gets, applied in order as strace applies them:
         * {@code VAR=VALUE} replaces the first VAR or adds one at the end, {@code VAR} removes every VAR.
         */
        public Builder environmentChanges(List<byte[]> changes) {
            this.environmentChanges = changes.stream().map(byte[]::clone).toList();
            return this;
        }

        /**
         * -e abbrev= (-v), -e verbose=, -e raw=: by syscall number, which calls are printed abbreviated (default all),
         * with their structures read (default all), undecoded in hex (default none).
         */
        public Builder display(IntPredicate abbrev, IntPredicate verbose, IntPredicate raw) {
            this.abbrev = Objects.requireNonNull(abbrev);
            this.verbose = Objects.requireNonNull(verbose);
            this.raw = Objects.requireNonNull(raw);
            return this;
        }

        /** -u: run the launched command as this user (renacer must be root), as strace does. */
        public Builder runAs(LaunchSettings.User user) { this.user = user; return this; }

        /** -b execve: let go of each traced task at its execve (not of the launched command's first). */
        public Builder detachOnExec(boolean detach) { this.detachOnExec = detach; return this; }

        /**
         * Measure each call's system CPU time ({@link SyscallEvent#systemNanos}) as strace -c does: the waited
         * process's rusage with each stop (wait4 instead of waitpid). Default off.
         */
        public Builder systemTime(boolean measure) { this.systemTime = measure; return this; }

        /**
         * --seccomp-bpf: a launched command (and, under -f, everything it starts) stops only at the calls the
         * filter selects, by a seccomp filter the trampoline installs before its execve, as strace --seccomp-bpf.
         * Applies only where it cannot change what the program sees: a launched command, with -f (an untraced
         * child would get ENOSYS from every selected call), no -b execve, and a filter that leaves calls out.
         * Default off for the library (the CLI turns it on when it is safe).
         */
        public Builder seccompFilter(boolean install) { this.seccomp = install; return this; }

        /**
         * How long the tracer polls for the next stop before it blocks in waitpid (adaptive: see Waiter); it trades the
         * tracer's CPU time for the wake-up of a sleeping tracer thread at each stop. Default 0: it blocks at once.
         */
        /**
         * The PM QoS CPU latency in µs the ptrace backend asks for while it traces, so that idle CPUs are not halted
         * between a tracee's stop and the tracer's wake-up ({@link dev.renacer.linux.CpuLatencyRequest}); -1 asks
         * nothing. Default 0: idle CPUs poll. Held only when /dev/cpu_dma_latency can be opened (root).
         */
        public Builder cpuLatencyMicros(int micros) {
            if (micros < -1) throw new IllegalArgumentException("CPU latency must be >= 0 µs, or -1 for none");
            this.cpuLatencyMicros = micros;
            return this;
        }

        public Builder pollMicros(long micros) {
            if (micros < 0) throw new IllegalArgumentException("poll time must be >= 0");
            this.pollNanos = micros * 1_000;
            return this;
        }

        /** -e inject= and -e fault=: the calls tampered with, and how. */
        public Builder inject(InjectTable table) { this.inject = Objects.requireNonNull(table); return this; }

        /** -q, -e quiet=attach: no "Process N attached" / "Process N detached" notices. */
        public Builder quietAttach(boolean quiet) { this.quietAttach = quiet; return this; }

        /**
         * Descriptors above 2 that a launched command inherits, as it would from strace: those renacer
         * itself inherited (the {@code renacer} launcher lists them). Every other descriptor above 2 is
         * closed before the exec, since the JVM holds many open without O_CLOEXEC. Default: none.
         */
        public Builder passDescriptors(int... fds) {
            for (int fd : fds) if (fd < 3) throw new IllegalArgumentException("descriptor " + fd + " is always passed");
            this.passDescriptors = fds.clone();
            return this;
        }

        /**
         * The order, by variable name, in which a launched command receives renacer's environment (the
         * order renacer's caller had; the launcher lists it). Unnamed variables follow. Default: as is.
         */
        public Builder environmentOrder(List<String> names) {
            this.environmentOrder = List.copyOf(names);
            return this;
        }

        /**
         * Standard descriptors (0, 1, 2) that were closed when renacer's caller started it, and that a
         * launched command must see closed too (the {@code renacer} launcher fills them with placeholders
         * so that the JVM does not open its own files there). Default: none.
         */
        public Builder closedDescriptors(int... fds) {
            for (int fd : fds) if (fd < 0 || fd > 2) throw new IllegalArgumentException("descriptor " + fd + " is not 0, 1 or 2");
            this.closedDescriptors = fds.clone();
            return this;
        }

        /**
         * The signals renacer's caller had ignored and blocked (bit N-1 for signal N, as in
         * /proc/PID/status): a launched command gets exactly those, as under strace. The JVM installs
         * handlers and masks of its own, so only the caller can say (the launcher does). Default: not
         * known; real-time signals are then reset and the mask emptied.
         */
        public Builder inheritedSignals(long ignored, long blocked) {
            this.signals = new LaunchSettings.SignalState(ignored, blocked);
            return this;
        }

        /** --backend: ptrace (default) or ebpf. */
        public Builder backend(Backend backend) { this.backend = Objects.requireNonNull(backend); return this; }

        /**
         * True when the listeners want only the -c summary: no {@link TraceListener#onSyscall} per call is
         * needed, the counts arrive through {@link TraceListener#onSyscallCounts}. The eBPF backend then sends
         * nothing per call; the ptrace backend ignores it. Default false.
         */
        public Builder summaryOnly(boolean summaryOnly) { this.summaryOnly = summaryOnly; return this; }

        /** --ebpf-buffer-size: the eBPF ring buffer in bytes, a power of two from 4 KiB to 256 MiB (default 16 MiB). */
        public Builder ebpfBufferBytes(int bytes) {
            if (bytes < 4096 || bytes > 1 << 28 || Integer.bitCount(bytes) != 1) {
                throw new IllegalArgumentException("the eBPF buffer size must be a power of two from 4 KiB to 256 MiB");
            }
            this.ebpfBufferBytes = bytes;
            return this;
        }

        public Tracer build() {
            return new Tracer(new Config(followForks, filter, stringLimit, decode, listener, diagnostics,
                    new LaunchSettings(passDescriptors.clone(), closedDescriptors.clone(), environmentOrder, signals,
                            environmentChanges, user, detachOnExec),
                    backend, summaryOnly, ebpfBufferBytes,
                    hexStrings, fdDetails, quietAttach, inject, reads, writes, tracePaths, systemTime, abbrev, verbose, raw,
                    seccomp, pollNanos, cpuLatencyMicros));
        }
    }
}
