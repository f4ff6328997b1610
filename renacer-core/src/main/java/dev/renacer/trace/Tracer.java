package dev.renacer.trace;

import dev.renacer.filter.TraceFilter;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

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
    /** The eBPF ring buffer's default size: about 100 ms of the fastest traced program's records. */
    public static final int DEFAULT_EBPF_BUFFER_BYTES = 16 << 20;

    private final TraceBackend backend;
    private volatile boolean detachRequested;

    private Tracer(Config config) {
        this.backend = config.backend() == Backend.EBPF ? new dev.renacer.trace.ebpf.EbpfBackend(config)
                : new PtraceBackend(config, this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts {@code command} (argv[0] first, resolved on PATH like strace) and traces it to its end. */
    public TraceResult launch(List<String> command) throws TraceException {
        if (command.isEmpty()) throw new IllegalArgumentException("no command");
        return backend.launch(command);
    }

    /** Attaches to the given processes and traces them until they end or {@link #requestDetach()}. */
    public TraceResult attach(List<Integer> pids) throws TraceException {
        if (pids.isEmpty()) throw new IllegalArgumentException("no pid");
        return backend.attach(pids);
    }

    /**
     * Asks the tracer to let go of every tracee (they go on running) and return. Safe from any thread,
     * e.g. a SIGINT handler. A launched command is not detached from but sent {@code signal}, as strace
     * does with its own children, unless {@code signal} is 0.
     */
    public void requestDetach(int signal) {
        detachRequested = true;
        backend.requestDetach(signal);
    }

    boolean detachRequested() {
        return detachRequested;
    }

    /**
     * Immutable settings of a tracer, read by the backends.
     *
     * @param summaryOnly      only the -c table is wanted: the eBPF backend then counts in the kernel and
     *                         sends no per-call events
     * @param ebpfBufferBytes  the eBPF backend's ring buffer size in bytes (a power of two)
     */
    public record Config(boolean followForks, TraceFilter filter, int stringLimit, boolean decode, TraceListener listener,
                         PrintStream diagnostics, int[] passDescriptors, List<String> environmentOrder,
                         Backend backend, boolean summaryOnly, int ebpfBufferBytes) {}

    public static final class Builder {
        private boolean followForks;
        private TraceFilter filter = TraceFilter.all();
        private int stringLimit = 32;
        private boolean decode = true;
        private TraceListener listener = new TraceListener() {};
        private PrintStream diagnostics = System.err;
        private int[] passDescriptors = new int[0];
        private List<String> environmentOrder = List.of();
        private Backend backend = Backend.PTRACE;
        private boolean summaryOnly;
        private int ebpfBufferBytes = DEFAULT_EBPF_BUFFER_BYTES;

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

        public Builder listener(TraceListener listener) { this.listener = Objects.requireNonNull(listener); return this; }

        /** Where strace-style notices go ("Process N attached"); stderr by default. */
        public Builder diagnostics(PrintStream out) { this.diagnostics = Objects.requireNonNull(out); return this; }

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
                    passDescriptors.clone(), environmentOrder, backend, summaryOnly, ebpfBufferBytes));
        }
    }
}
