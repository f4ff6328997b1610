package dev.renacer.bench.suites;

import java.util.ArrayList;
import java.util.List;

/**
 * The tracing configurations of the syscall_overhead suite, as command-line flags: the one home of
 * each flag set. In-process runs parse the same flags into renacer's own output options, whole-process
 * runs hand them to the CLI, and the strace anchor runs strace with the matching flags. Every
 * configuration follows forks ({@code -f}), as the strace anchor does, so multi_process is traced whole.
 */
public enum Tracing {
    /** The fixture alone. */
    NATIVE(null, null),
    /** The text trace, written to a null sink. */
    BASIC(List.of("-o", "/dev/null"), List.of("-o", "/dev/null")),
    /** -c: the summary table only (no argument decoding, as strace -c). */
    STATISTICS(List.of("-c", "-o", "/dev/null"), List.of("-c", "-o", "/dev/null")),
    /** -T: the text trace with the time spent in each call. */
    TIMING(List.of("-T", "-o", "/dev/null"), List.of("-T", "-o", "/dev/null")),
    /** --format json: every call as a JSON line; strace has no JSON, so the anchor is strace's text trace. */
    JSON(List.of("--format", "json", "-o", "/dev/null"), List.of("-o", "/dev/null")),
    /**
     * Every analysis at once, no OTLP: -T -C --stats-extended, -y (descriptor paths, on ptrace: the eBPF
     * backend refuses -y, it cannot read the tracee's descriptors), as JSON. strace has no equivalent.
     */
    FULL(List.of("-T", "-C", "--stats-extended", "--format", "json", "-o", "/dev/null"), null, List.of("-y")),
    /**
     * A selective filter, -e trace=unlink: renacer stops only at the selected calls where it can (its seccomp-bpf
     * filter, on by default with -f); the anchor is strace --seccomp-bpf, strace's fastest way to the same trace.
     */
    FILTERED(List.of("-e", "trace=unlink", "-o", "/dev/null"), List.of("--seccomp-bpf", "-e", "trace=unlink", "-o", "/dev/null")),
    /** Every call as an OTLP/JSON span to a file (--otlp-file) beside the text trace; the anchor is strace's text trace. */
    OTLP_FILE(List.of("--otlp-file", "/dev/null", "-o", "/dev/null"), List.of("-o", "/dev/null"));

    public static final String FOLLOW_FORKS = "-f";
    private final List<String> outputFlags;
    private final List<String> straceFlags;
    private final List<String> ptraceOnlyFlags;

    Tracing(List<String> outputFlags, List<String> straceFlags) {
        this(outputFlags, straceFlags, List.of());
    }

    Tracing(List<String> outputFlags, List<String> straceFlags, List<String> ptraceOnlyFlags) {
        this.outputFlags = outputFlags;
        this.straceFlags = straceFlags;
        this.ptraceOnlyFlags = ptraceOnlyFlags;
    }

    /** overhead_comparison's parameter value ({@code native}, {@code basic}, ...). */
    public static Tracing named(String level) {
        return valueOf(level.toUpperCase(java.util.Locale.ROOT));
    }

    /** renacer's output and decoding options on {@code backend} (everything but -f, which the Tracer takes directly). */
    public List<String> outputFlags(String backend) {
        if (outputFlags == null) throw new IllegalStateException(this + " does not trace");
        if (!backend.equals("ptrace") || ptraceOnlyFlags.isEmpty()) return outputFlags;
        List<String> flags = new ArrayList<>(ptraceOnlyFlags);
        flags.addAll(outputFlags);
        return flags;
    }

    /** The renacer command line for {@code command}: the backend, -f, the output flags, the command. */
    public List<String> renacerArguments(List<String> command, String backend) {
        List<String> args = new ArrayList<>();
        args.add("--backend");
        args.add(backend);
        args.add(FOLLOW_FORKS);
        args.addAll(outputFlags(backend));
        args.addAll(command);
        return args;
    }

    /** {@code strace -f FLAGS command}. */
    public List<String> straceCommand(List<String> command) {
        if (straceFlags == null) throw new IllegalStateException("strace has no " + this + " mode");
        List<String> args = new ArrayList<>();
        args.add("strace");
        args.add(FOLLOW_FORKS);
        args.addAll(straceFlags);
        args.addAll(command);
        return args;
    }
}
