package dev.renacer.bench.suites;

import dev.renacer.otlp.OtlpExport;
import dev.renacer.otlp.SpanIds;
import dev.renacer.otlp.SpanNames;
import dev.renacer.otlp.SpanPool;
import dev.renacer.otlp.SpanRecord;
import dev.renacer.trace.SyscallEvent;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jol.info.GraphLayout;

/**
 * Suite memory_pool: renacer's span record pool (otlp/SpanPool) against making a record per span,
 * in ns per operation; run with {@code -prof gc} for bytes per operation (the pooled paths: ~0).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class memory_pool {
    static final int FOOTPRINT_SPANS = 10_000;

    /** A warm pool, an always-empty one (every acquire makes a record), and syscall events to fill them from. */
    @State(Scope.Thread)
    public static class Pools {
        final SpanPool pool = new SpanPool(4096);
        final SpanPool heap = new SpanPool(0);
        final SpanNames names = new SpanNames();
        final Workload workload = new Workload();
        final SyscallEvent event = new SyscallEvent();
        final SpanRecord[] held = new SpanRecord[600];

        /** Builds the syscall name tables the first fill would otherwise build inside a measured call. */
        @Setup(Level.Trial)
        public void warmTables() {
            for (int i = 0; i < 8; i++) pool.release(fill(pool.acquire())); // every Workload shape once
        }

        SpanRecord fill(SpanRecord r) {
            SyscallEvent e = workload.next(event);
            return r.fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                    e.entryEpochNanos + e.durationNanos(), names);
        }
    }

    /** A new record per span, filled from a syscall: the heap alternative the pool exists to avoid. */
    @Benchmark
    public SpanRecord heap_allocation(Pools p) {
        return p.fill(p.heap.acquire());
    }

    /** A pooled record per span: acquired, filled from the same syscall, released. */
    @Benchmark
    public SpanRecord pool_allocation(Pools p) {
        SpanRecord r = p.fill(p.pool.acquire());
        p.pool.release(r);
        return r;
    }

    /** One acquire and one release, nothing else: the pool's own cost per span (goal: < 20 ns). */
    @Benchmark
    public SpanRecord pool_cycle(Pools p) {
        SpanRecord r = p.pool.acquire();
        p.pool.release(r);
        return r;
    }

    @State(Scope.Thread)
    public static class Sized {
        @Param({"128", "256", "512", "1024", "2048", "4096"})
        public int size;

        SpanPool pool;
        SpanRecord[] held;

        @Setup(Level.Trial)
        public void setUp() {
            pool = new SpanPool(size);
            held = new SpanRecord[size / 2];
        }
    }

    /** Half the pool acquired, then all of it released, per invocation (ns per half-pool burst): cost against pool size. */
    @Benchmark
    public SpanRecord pool_sizes(Sized s) {
        for (int i = 0; i < s.held.length; i++) s.held[i] = s.pool.acquire();
        for (int i = 0; i < s.held.length; i++) s.pool.release(s.held[i]);
        return s.held[0];
    }

    @State(Scope.Thread)
    public static class Source {
        @Param({"pool", "heap"})
        public String source;
    }

    /**
     * Bursts as a trace makes them (ns per invocation of 800 records): 500 records taken and filled,
     * 250 given back, 300 more, then all given back; from the pool, or made new each time.
     */
    @Benchmark
    public SpanRecord allocation_pressure(Pools p, Source s) {
        SpanPool from = s.source.equals("pool") ? p.pool : p.heap;
        int n = 0;
        SpanRecord[] held = p.held;
        for (int i = 0; i < 500; i++) held[n++] = p.fill(from.acquire());
        for (int i = 0; i < 250; i++) from.release(held[--n]);
        for (int i = 0; i < 300; i++) held[n++] = p.fill(from.acquire());
        SpanRecord last = held[n - 1];
        while (n > 0) from.release(held[--n]);
        return last;
    }

    /**
     * 10,000 spans as a trace holds them, built in setup: {@code pooled}, the pool after 10K spans
     * passed through it at once (it keeps the records, their buffers grown, for the next ones);
     * {@code heap}, 10K records made new and held until sent; {@code sdk}, the SDK's 10K SpanData.
     * All share one Resource and one scope, as a real run does; the direct OTLP writer's form (no Strings).
     */
    @State(Scope.Benchmark)
    public static class TenThousand {
        @Param({"pooled", "heap", "sdk"})
        public String kind;

        Object held;

        @Setup(Level.Trial)
        public void build() {
            SpanNames names = new SpanNames();
            SpanIds ids = new SpanIds(3);
            String trace = ids.newTraceIdHex();
            Workload workload = new Workload();
            SyscallEvent e = new SyscallEvent();
            switch (kind) {
                case "pooled", "heap" -> {
                    SpanPool pool = new SpanPool(kind.equals("pooled") ? FOOTPRINT_SPANS : 0);
                    SpanRecord[] records = new SpanRecord[FOOTPRINT_SPANS];
                    for (int i = 0; i < FOOTPRINT_SPANS; i++) {
                        workload.next(e);
                        records[i] = pool.acquire().identify(trace, ids.nextSpanId(), null, false)
                                .origin(OtlpExport.resource("bench"), OtlpExport.SCOPE)
                                .fillSyscall(e.tid, e.pid, e.number, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                                        e.entryEpochNanos + e.durationNanos(), names);
                    }
                    held = kind.equals("pooled") ? pool : records;
                    if (kind.equals("pooled")) for (SpanRecord r : records) pool.release(r);
                }
                default -> {
                    List<SpanData> collected = new ArrayList<>(FOOTPRINT_SPANS);
                    SdkTracerProvider provider = SdkTracerProvider.builder().setResource(OtlpExport.resource("bench"))
                            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(collected))).build();
                    var tracer = provider.get("dev.renacer");
                    for (int i = 0; i < FOOTPRINT_SPANS; i++) SdkExport.span(tracer, names, io.opentelemetry.context.Context.root(), workload.next(e));
                    provider.close();
                    held = collected;
                }
            }
        }
    }

    /** The footprint, read once per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        public long retainedBytes;
        public long bytesPerSpan;
    }

    /**
     * Retained bytes of 10K spans, measured exactly by walking the object graph (JOL GraphLayout;
     * shared objects counted once). Goal: under 5 MB. The time column is the walk: read the counters.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    // magicFieldOffset: the SDK's graph holds lambdas (hidden classes); allowAttachSelf: JOL's exact object sizes
    @Fork(value = 1, jvmArgsAppend = {"-Djol.magicFieldOffset=true", "-Djdk.attach.allowAttachSelf=true"})
    public void memory_footprint(TenThousand t, Footprint f, Blackhole bh) {
        long bytes = GraphLayout.parseInstance(t.held).totalSize();
        f.retainedBytes = bytes;
        f.bytesPerSpan = bytes / FOOTPRINT_SPANS;
        bh.consume(bytes);
    }

    /** Keeps every span the SDK ends, as an exporter that holds a batch would. */
    static final class Collecting implements SpanExporter {
        private final Collection<SpanData> into;

        Collecting(Collection<SpanData> into) {
            this.into = into;
        }

        @Override public CompletableResultCode export(Collection<SpanData> spans) {
            into.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }
        @Override public CompletableResultCode flush() { return CompletableResultCode.ofSuccess(); }
        @Override public CompletableResultCode shutdown() { return CompletableResultCode.ofSuccess(); }
    }
}
