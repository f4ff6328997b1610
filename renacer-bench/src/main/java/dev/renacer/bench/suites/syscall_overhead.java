package dev.renacer.bench.suites;

import dev.renacer.bench.fixtures.Fixture;
import dev.renacer.bench.fixtures.ProcessRun;
import dev.renacer.bench.fixtures.RenacerCli;
import dev.renacer.otlp.ExportSummary;
import dev.renacer.trace.Backend;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Suite syscall_overhead: what tracing costs a program, per run of a fixture (ms/op). renacer is
 * measured in two modes: {@code in_process}, the Tracer library in this warm JVM (the cost of tracing
 * itself), and {@code whole_process}, the CLI as a user runs it (a new JVM on this benchmarks.jar,
 * start-up included). Beside it in the same run: the fixture alone ({@code native_}) and strace in the
 * same modes ({@code strace_*}), so the report gives overhead as {@code (traced - native) / native}
 * and renacer/strace as a ratio. Each traced run also reports its exact tracer counters (TracerWork),
 * and every run its CPU time (RunCpu), which the gate decides on, and where it can be told apart the
 * traced program's own CPU time. The anchors of the eBPF backend ({@code anchor_*}, issue 11) run the
 * fixture under bpftrace and libbpf-tools' syscount, attached in setup.
 * Every process is started and waited for inside the measured method: that is the measured thing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
// Compiler threads that come and go would take their CPU time out of RunCpu's subtraction (JvmServiceThreads).
@Fork(value = 1, jvmArgsAppend = "-XX:-UseDynamicNumberOfCompilerThreads")
public class syscall_overhead {

    /** The traced program: a fixture and its round count (100 as the original; {@code -p rounds=20000} for more). */
    @State(Scope.Benchmark)
    public static class Program {
        @Param({"syscall_heavy", "io_heavy", "compute_heavy", "multi_process", "threaded_heavy"})
        public String fixture;

        @Param({"100"})
        public int rounds;

        List<String> command;

        @Setup(Level.Trial)
        public void resolve() {
            command = Fixture.named(fixture).command(rounds);
        }
    }

    /**
     * renacer, configured for the running benchmark (its {@link Tracing}), in either mode, on either
     * backend: {@code ptrace} (the default backend) or {@code ebpf} ({@code --backend ebpf}: root or
     * CAP_BPF with CAP_PERFMON, a kernel with BPF and BTF).
     */
    @State(Scope.Thread)
    public static class Renacer {
        @Param({"in_process", "whole_process"})
        public String mode;

        @Param({"ptrace", "ebpf"})
        public String backend;

        private Tracing tracing;
        private InProcessTrace inProcess;
        private List<String> wholeProcess;

        @Setup(Level.Trial)
        public void configure(BenchmarkParams params, Program program) {
            tracing = tracingOf(params);
            if (tracing == Tracing.NATIVE) return;
            Backend chosen = switch (backend) {
                case "ptrace" -> Backend.PTRACE;
                case "ebpf" -> Backend.EBPF;
                default -> throw new IllegalArgumentException("backend is ptrace or ebpf, not " + backend);
            };
            switch (mode) {
                case "in_process" -> inProcess = new InProcessTrace(tracing, program.command, chosen);
                case "whole_process" -> wholeProcess = RenacerCli.command(tracing.renacerArguments(program.command, backend));
                default -> throw new IllegalArgumentException("mode is in_process or whole_process, not " + mode);
            }
        }

        @Setup(Level.Invocation)
        public void prepare() throws IOException {
            if (inProcess != null) inProcess.prepare();
        }

        /**
         * One traced run, its CPU time and the tracer's work counted (in process, the eBPF records lost
         * too); null counters for the untraced level of overhead_comparison.
         */
        TraceResult.Counters run(Program program, RunCpu cpu, TracerWork work) throws IOException, TraceException {
            return run(program, cpu, work, null);
        }

        /** The same, and what the OTLP exporter exported and dropped counted in {@code spans} (when not null). */
        TraceResult.Counters run(Program program, RunCpu cpu, TracerWork work, SpanExport spans) throws IOException, TraceException {
            if (tracing == Tracing.NATIVE) {
                untraced(program.command, cpu, RunCpu.Work.PROGRAM);
                return null;
            }
            TraceResult.Counters counters;
            ExportSummary export;
            if (inProcess != null) {
                cpu.start(RunCpu.Work.PROGRAM_TRACED_HERE);
                counters = inProcess.run().counters();
                cpu.stop();
                work.lost(inProcess.lostInLastRun());
                export = inProcess.exportOfLastRun();
            } else {
                cpu.start(RunCpu.Work.TRACER_PROCESS);
                RenacerCli.Exit exit = RenacerCli.run(wholeProcess);
                cpu.stop();
                counters = exit.counters();
                export = exit.export();
            }
            work.add(counters);
            if (spans != null) spans.add(export);
            return counters;
        }
    }

    /** strace with the flags of the running strace_* benchmark. */
    @State(Scope.Thread)
    public static class Strace {
        private List<String> command;

        @Setup(Level.Trial)
        public void configure(BenchmarkParams params, Program program) {
            command = tracingOf(params).straceCommand(program.command);
        }
    }

    /** The start-up benchmarks' command, {@code true}, traced by the CLI (whole process: start-up is the JVM's) and by strace. */
    @State(Scope.Thread)
    public static class Startup {
        List<String> renacer;
        List<String> strace;

        @Setup(Level.Trial)
        public void configure() {
            renacer = RenacerCli.command(Tracing.BASIC.renacerArguments(List.of("true"), "ptrace"));
            strace = Tracing.BASIC.straceCommand(List.of("true"));
        }
    }

    /** overhead_comparison's one parameter. */
    @State(Scope.Thread)
    public static class Levels {
        @Param({"native", "basic", "statistics", "timing", "full"})
        public String level;
    }

    /** Syscalls the trace saw, as a rate (syscalls/s) in throughput mode. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class SeenSyscalls {
        public long syscalls;

        @Setup(Level.Iteration)
        public void reset() {
            syscalls = 0;
        }
    }

    /** Which configuration a benchmark method measures: the one table from method to flags. */
    static Tracing tracingOf(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return switch (method) {
            case "basic_tracing", "throughput", "strace_basic_tracing" -> Tracing.BASIC;
            case "with_statistics", "strace_with_statistics" -> Tracing.STATISTICS;
            case "with_timing", "strace_with_timing" -> Tracing.TIMING;
            case "json_tracing", "strace_json_tracing" -> Tracing.JSON;
            case "full_stack" -> Tracing.FULL;
            case "filtered_tracing", "strace_filtered_tracing" -> Tracing.FILTERED;
            case "otlp_file", "strace_otlp_file" -> Tracing.OTLP_FILE;
            case "startup", "strace_startup" -> Tracing.BASIC;
            case "overhead_comparison" -> Tracing.named(params.getParam("level"));
            default -> Tracing.NATIVE;
        };
    }

    /** The fixture alone, started and waited for like the traced runs: the denominator of every overhead. */
    @Benchmark
    public int native_(Program program, RunCpu cpu) throws IOException {
        return untraced(program.command, cpu, RunCpu.Work.PROGRAM);
    }

    /** A whole program (the fixture alone, or strace) run to its end, its CPU time (children) counted. */
    static int untraced(List<String> command, RunCpu cpu, RunCpu.Work work) throws IOException {
        cpu.start(work);
        int code = ProcessRun.run(command).requireSuccess(command).exitCode();
        cpu.stop();
        return code;
    }

    /** The text trace of every syscall to /dev/null (-f -o /dev/null): renacer's basic cost. */
    @Benchmark
    public TraceResult.Counters basic_tracing(Program program, Renacer renacer, TracerWork work, RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /** -c: counting and timing every call, the summary at exit; no argument decoding. */
    @Benchmark
    public TraceResult.Counters with_statistics(Program program, Renacer renacer, TracerWork work, RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /** -T: the text trace plus each call's duration. */
    @Benchmark
    public TraceResult.Counters with_timing(Program program, Renacer renacer, TracerWork work, RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /** --format json: every call as a JSON line to /dev/null, renacer's machine-readable trace. */
    @Benchmark
    public TraceResult.Counters json_tracing(Program program, Renacer renacer, TracerWork work, RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /** Every analysis at once (-T -C --stats-extended, -y on ptrace, JSON), no OTLP: the heaviest local configuration. */
    @Benchmark
    public TraceResult.Counters full_stack(Program program, Renacer renacer, TracerWork work, RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /** The five levels side by side under one name, native to full, for the overhead curve. */
    @Benchmark
    public TraceResult.Counters overhead_comparison(Program program, Levels level, Renacer renacer, TracerWork work,
                                                    RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /** Traced runs per second, with the syscalls the trace actually saw per second as a counter. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TraceResult.Counters throughput(Program program, Renacer renacer, TracerWork work, SeenSyscalls seen,
                                           RunCpu cpu) throws Exception {
        TraceResult.Counters counters = renacer.run(program, cpu, work);
        if (counters != null) seen.syscalls += counters.tracedSyscalls();
        return counters;
    }

    /** -e trace=unlink: a selective trace, which renacer's seccomp-bpf filter lets run between the selected calls. */
    @Benchmark
    public TraceResult.Counters filtered_tracing(Program program, Renacer renacer, TracerWork work, RunCpu cpu) throws Exception {
        return renacer.run(program, cpu, work);
    }

    /**
     * --otlp-file /dev/null beside the text trace: every call encoded as an OTLP/JSON span, the spans exported
     * and dropped counted (SpanExport: none may be).
     */
    @Benchmark
    public TraceResult.Counters otlp_file(Program program, Renacer renacer, TracerWork work, RunCpu cpu, SpanExport spans)
            throws Exception {
        return renacer.run(program, cpu, work, spans);
    }

    /** {@code renacer -f -o /dev/null true}: the start-up alone (JVM, options, tracer), whatever the fixture parameter. */
    @Benchmark
    public TraceResult.Counters startup(Startup startup, RunCpu cpu) throws Exception {
        cpu.start(RunCpu.Work.TRACER_PROCESS);
        TraceResult.Counters counters = RenacerCli.run(startup.renacer).counters();
        cpu.stop();
        return counters;
    }

    /** The anchor for startup: strace -f -o /dev/null true. */
    @Benchmark
    public int strace_startup(Startup startup, RunCpu cpu) throws IOException {
        return untraced(startup.strace, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /** The anchor for filtered_tracing: strace -f --seccomp-bpf -e trace=unlink -o /dev/null. */
    @Benchmark
    public int strace_filtered_tracing(Program program, Strace strace, RunCpu cpu) throws IOException {
        return untraced(strace.command, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /** The anchor for otlp_file: strace's text trace, strace -f -o /dev/null (strace has no OTLP). */
    @Benchmark
    public int strace_otlp_file(Program program, Strace strace, RunCpu cpu) throws IOException {
        return untraced(strace.command, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /** The anchor for basic_tracing: strace -f -o /dev/null. */
    @Benchmark
    public int strace_basic_tracing(Program program, Strace strace, RunCpu cpu) throws IOException {
        return untraced(strace.command, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /** The anchor for with_statistics: strace -f -c -o /dev/null. */
    @Benchmark
    public int strace_with_statistics(Program program, Strace strace, RunCpu cpu) throws IOException {
        return untraced(strace.command, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /**
     * The anchor for json_tracing: strace's text trace, strace -f -o /dev/null. strace has no JSON output, so
     * this is the same program traced by strace in its nearest mode (the same anchor as basic_tracing's).
     */
    @Benchmark
    public int strace_json_tracing(Program program, Strace strace, RunCpu cpu) throws IOException {
        return untraced(strace.command, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /** The anchor for with_timing: strace -f -T -o /dev/null. */
    @Benchmark
    public int strace_with_timing(Program program, Strace strace, RunCpu cpu) throws IOException {
        return untraced(strace.command, cpu, RunCpu.Work.TRACER_PROCESS);
    }

    /**
     * An in-kernel anchor of issue 11: bpftrace counting every sys_enter and sys_exit of the fixture,
     * attached for the whole trial; the fixture runs as in native_, and its own CPU time (programNanos)
     * is the figure renacer's eBPF -c is compared with.
     */
    @Benchmark
    public int anchor_bpftrace(Program program, Anchor anchor, RunCpu cpu) throws IOException {
        return untraced(program.command, cpu, RunCpu.Work.PROGRAM);
    }

    /** The other anchor: libbpf-tools' syscount -L (every syscall of the machine counted, with latencies). */
    @Benchmark
    public int anchor_syscount(Program program, Anchor anchor, RunCpu cpu) throws IOException {
        return untraced(program.command, cpu, RunCpu.Work.PROGRAM);
    }
}
