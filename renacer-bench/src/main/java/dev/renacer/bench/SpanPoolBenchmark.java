package dev.renacer.bench;

import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.otlp.SpanRecord;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one span costs on the tracer thread, before any export: the pool's acquire+release alone
 * (goal: under 20 ns), filling a pooled record from a syscall event versus making a new record per
 * span (the heap alternative the pool exists to avoid), and the OpenTelemetry SDK's own span
 * (start, six attributes, end) as the yardstick. Run with -prof gc: the pooled paths should show
 * ~0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SpanPoolBenchmark {
    private static final AttributeKey<String> NAME = AttributeKey.stringKey("syscall.name");
    private static final AttributeKey<Long> NUMBER = AttributeKey.longKey("syscall.number");
    private static final AttributeKey<String> ARGS = AttributeKey.stringKey("syscall.args");
    private static final AttributeKey<String> RESULT = AttributeKey.stringKey("syscall.result");
    private static final AttributeKey<Long> TID = AttributeKey.longKey("thread.id");

    private SpanPool pool;
    private SpanPool noPool;
    private final SpanNames names = new SpanNames();
    private final Workload workload = new Workload();
    private final SyscallEvent event = new SyscallEvent();
    private SdkTracerProvider provider;
    private Tracer tracer;

    @Setup(Level.Trial)
    public void setUp() {
        pool = new SpanPool(1024);
        noPool = new SpanPool(0);
        provider = SdkTracerProvider.builder().setResource(OtlpExport.resource("bench")).build();
        tracer = provider.get("dev.renacer");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        provider.close();
    }

    @Benchmark
    public SpanRecord acquireRelease() {
        SpanRecord r = pool.acquire();
        pool.release(r);
        return r;
    }

    @Benchmark
    public SpanRecord pooledFill() {
        SpanRecord r = fill(pool.acquire());
        pool.release(r);
        return r;
    }

    /** A new record per span (a pool that is always empty): what pooling saves. */
    @Benchmark
    public SpanRecord heapFill() {
        return fill(noPool.acquire());
    }

    /** The SDK's span for the same call, with no processor: creation and ending only. */
    @Benchmark
    public Span sdkSpan() {
        SyscallEvent e = workload.next(event);
        Span span = tracer.spanBuilder(names.spanName(e.number))
                .setStartTimestamp(e.entryEpochNanos, TimeUnit.NANOSECONDS)
                .setAttribute(NAME, names.syscallName(e.number))
                .setAttribute(NUMBER, (long) e.number)
                .setAttribute(ARGS, e.arguments.toString())
                .setAttribute(RESULT, e.result.toString())
                .setAttribute(TID, (long) e.tid)
                .startSpan();
        if (e.failed()) span.setStatus(StatusCode.ERROR, "ENOENT");
        span.end(e.entryEpochNanos + e.durationNanos(), TimeUnit.NANOSECONDS);
        return span;
    }

    private SpanRecord fill(SpanRecord r) {
        SyscallEvent e = workload.next(event);
        return r.fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                e.entryEpochNanos + e.durationNanos(), names);
    }
}
