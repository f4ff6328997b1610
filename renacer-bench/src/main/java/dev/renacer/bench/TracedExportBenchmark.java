package dev.renacer.bench;

import dev.renacer.otlp.ExportSummary;
import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.OtlpSettings;
import dev.renacer.otlp.OtlpTraceListener;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.TraceResult;
import dev.renacer.trace.Tracer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The promise that export does not slow the traced program: the real tracer (renacer as a library)
 * runs the syscall_heavy fixture (2000 rounds, ~10,000 syscalls) with no sink, and with the OTLP
 * listener exporting every syscall to a loopback receiver. The difference is what export costs the
 * tracee. Needs the fixtures built (mvn package) and is run from the repository root, or with
 * -Drenacer.fixtures=DIR.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TracedExportBenchmark {
    @Param({"none", "otlp"})
    public String sink;

    private LoopbackReceiver receiver;
    private List<String> command;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private long spans;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path fixture = Path.of(System.getProperty("renacer.fixtures", "fixtures/target/bin"), "syscall_heavy");
        if (!Files.isExecutable(fixture)) throw new IllegalStateException("fixture not built: " + fixture.toAbsolutePath());
        command = List.of(fixture.toString(), "2000");
        receiver = new LoopbackReceiver();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        receiver.close();
    }

    @Benchmark
    public int trace() throws Exception {
        TraceListener listener = sink.equals("otlp")
                ? OtlpExport.start(OtlpSettings.builder().endpoint(receiver.url()).build(), quiet)
                : new TraceListener() {};
        TraceResult result = Tracer.builder().followForks(true).listener(listener).diagnostics(quiet).build().launch(command);
        if (listener instanceof OtlpTraceListener otlp) {
            ExportSummary summary = otlp.summary();
            if (summary.dropped() != 0) throw new IllegalStateException("dropped spans: " + summary.line(null));
            spans = summary.exported();
        }
        return result.exitStatus();
    }
}
