package dev.renacer.otlp;

import dev.renacer.syscall.Signals;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns trace events into spans: a root span per process ({@code process: <comm>}, ended when it
 * exits), a child span per syscall ({@code syscall: <name>}) under its process, a forked child's span
 * under its parent's, all in one trace (the upstream one with {@code --trace-parent}).
 *
 * <p>Runs on the tracer thread. A syscall costs a pool acquire, field copies and a queue offer:
 * no allocation, no lock, no waiting; a full queue drops the span and counts it.
 */
public final class OtlpTraceListener implements TraceListener {
    static final AttributeKey<Long> PROCESS_PID = AttributeKey.longKey("process.pid");
    static final AttributeKey<Long> PROCESS_PARENT_PID = AttributeKey.longKey("process.parent_pid");
    static final AttributeKey<String> PROCESS_EXECUTABLE_PATH = AttributeKey.stringKey("process.executable.path");
    static final AttributeKey<String> PROCESS_EXECUTABLE_NAME = AttributeKey.stringKey("process.executable.name");
    static final AttributeKey<String> PROCESS_COMMAND = AttributeKey.stringKey("process.command");
    static final AttributeKey<java.util.List<String>> PROCESS_COMMAND_ARGS = AttributeKey.stringArrayKey("process.command_args");
    static final AttributeKey<Long> PROCESS_EXIT_CODE = AttributeKey.longKey("process.exit.code");
    static final AttributeKey<String> PROCESS_SIGNAL = AttributeKey.stringKey("renacer.process.signal");
    static final AttributeKey<Boolean> PROCESS_CORE_DUMPED = AttributeKey.booleanKey("renacer.process.core_dumped");
    static final AttributeKey<Boolean> PROCESS_ATTACHED = AttributeKey.booleanKey("renacer.process.attached");
    static final AttributeKey<Boolean> PROCESS_DETACHED = AttributeKey.booleanKey("renacer.process.detached");
    /** On process spans emitted after the eBPF backend said what its ring buffer lost (the trace's last process). */
    static final AttributeKey<Long> EVENTS_LOST = AttributeKey.longKey("renacer.events_lost");

    private final BatchExporter exporter;
    private final SpanPool pool;
    private final Resource resource;
    private final InstrumentationScopeInfo scope;
    private final SpanIds ids;
    private final String traceIdHex;
    private final String upstreamParentHex;
    private final Duration flushTimeout;
    private final Consumer<ExportSummary> onSummary;
    private final SpanNames names = new SpanNames();
    private final ProcessTable processes = new ProcessTable();
    private ExportSummary summary;
    private long eventsLost = -1;

    /**
     * @param upstream  the --trace-parent/TRACEPARENT span, or null for a new trace
     * @param onSummary called once at {@link #onFinish()} with the counts (prints the exit line)
     */
    public OtlpTraceListener(BatchExporter exporter, SpanPool pool, Resource resource, InstrumentationScopeInfo scope,
                             SpanIds ids, TraceParent upstream, Duration flushTimeout, Consumer<ExportSummary> onSummary) {
        this.exporter = exporter;
        this.pool = pool;
        this.resource = resource;
        this.scope = scope;
        this.ids = ids;
        this.traceIdHex = upstream != null ? upstream.traceIdHex() : ids.newTraceIdHex();
        this.upstreamParentHex = upstream != null ? upstream.parentSpanIdHex() : null;
        this.flushTimeout = flushTimeout;
        this.onSummary = onSummary;
    }

    /** A summary callback that prints the one exit line. */
    public static Consumer<ExportSummary> printTo(PrintStream stderr, String destination) {
        return s -> stderr.println("renacer: " + s.line(destination));
    }

    public String traceIdHex() {
        return traceIdHex;
    }

    /** The counts after {@link #onFinish()}, else null. */
    public ExportSummary summary() {
        return summary;
    }

    @Override
    public void onProcessStart(ProcessInfo process) {
        ProcessSpan parent = process.parentPid() > 0 ? processes.get(process.parentPid()) : null;
        ProcessSpan span = parent != null
                ? new ProcessSpan(process, ids.nextSpanId(), parent.spanIdHex, false, process.startEpochNanos())
                : new ProcessSpan(process, ids.nextSpanId(), upstreamParentHex, upstreamParentHex != null, process.startEpochNanos());
        processes.put(span);
    }

    @Override
    public void onExec(ProcessInfo process) {
        ProcessSpan span = processes.get(process.pid());
        if (span == null) onProcessStart(process);
        else span.info = process;
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        ProcessSpan process = processes.get(e.pid);
        if (process == null) process = unannounced(e.pid, e.entryEpochNanos);
        SpanRecord r = pool.acquire();
        r.identify(traceIdHex, ids.nextSpanId(), process.spanIdHex, false).origin(resource, scope);
        r.fillSyscall(e.tid, e.pid, e.number, e.i386, e.arguments, e.result, e.errno(), e.entryEpochNanos,
                e.entryEpochNanos + e.durationNanos(), names);
        exporter.offer(r);
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        ProcessSpan process = processes.remove(pid);
        if (process == null) return;
        AttributesBuilder attributes = processAttributes(process);
        StatusData status = StatusData.unset();
        if (termSignal == 0) {
            attributes.put(PROCESS_EXIT_CODE, (long) exitCode);
            if (exitCode != 0) status = StatusData.create(StatusCode.ERROR, "exit status " + exitCode);
        } else {
            String signal = Signals.name(termSignal);
            attributes.put(PROCESS_SIGNAL, signal);
            if (coreDumped) attributes.put(PROCESS_CORE_DUMPED, true);
            status = StatusData.create(StatusCode.ERROR, "killed by " + signal + (coreDumped ? " (core dumped)" : ""));
        }
        emitProcess(process, attributes.build(), status);
    }

    @Override
    public void onDetach(int pid) {
        ProcessSpan process = processes.remove(pid);
        if (process == null) return;
        emitProcess(process, processAttributes(process).put(PROCESS_DETACHED, true).build(), StatusData.unset());
    }

    @Override
    public void onEventsLost(long events) {
        eventsLost = events;
    }

    @Override
    public void onFinish() {
        if (summary != null) return;
        for (ProcessSpan open : processes.all()) {
            processes.remove(open.pid);
            emitProcess(open, processAttributes(open).build(), StatusData.unset());
        }
        summary = exporter.shutdown(flushTimeout);
        onSummary.accept(summary);
    }

    private ProcessSpan unannounced(int pid, long startEpochNanos) {
        ProcessInfo info = new ProcessInfo(pid, 0, "", java.util.List.of(), "pid " + pid, startEpochNanos, true);
        onProcessStart(info);
        return processes.get(pid);
    }

    private AttributesBuilder processAttributes(ProcessSpan process) {
        ProcessInfo info = process.info;
        AttributesBuilder b = Attributes.builder().put(PROCESS_PID, (long) info.pid());
        if (info.parentPid() > 0) b.put(PROCESS_PARENT_PID, (long) info.parentPid());
        if (!info.executable().isEmpty()) b.put(PROCESS_EXECUTABLE_PATH, info.executable());
        if (!info.comm().isEmpty()) b.put(PROCESS_EXECUTABLE_NAME, info.comm());
        if (!info.argv().isEmpty()) {
            b.put(PROCESS_COMMAND, info.argv().get(0));
            b.put(PROCESS_COMMAND_ARGS, info.argv());
        }
        if (info.attached()) b.put(PROCESS_ATTACHED, true);
        if (eventsLost >= 0) b.put(EVENTS_LOST, eventsLost);
        return b;
    }

    private void emitProcess(ProcessSpan process, Attributes attributes, StatusData status) {
        SpanRecord r = pool.acquire();
        r.identify(traceIdHex, process.spanId, process.parentSpanIdHex, process.parentRemote).origin(resource, scope);
        r.fillProcess("process: " + process.info.comm(), attributes, status, process.startEpochNanos, nowEpochNanos());
        exporter.offer(r);
    }

    private static long nowEpochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
