package dev.renacer.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Collections;
import java.util.List;

/**
 * One exported span as a mutable, pooled record.
 *
 * <p>It implements {@link SpanData} itself so the official OpenTelemetry exporter encodes it directly,
 * with no copy into SDK objects, and {@link SpanContext} too ({@link #getSpanContext()} returns
 * {@code this}) so the encoder's calls for ids and flags allocate nothing. The tracer thread fills it
 * ({@link #fillSyscall}), the queue hands it to the exporter thread, which materialises the few strings
 * OTLP needs ({@link #prepareForExport}) and returns it to the {@link SpanPool} once the batch is sent.
 * The queue and the pool give the happens-before edges between the two threads.
 */
public final class SpanRecord implements SpanData, SpanContext {
    final SpanPool owner;
    /** Intrusive link of the pool's free list: no node objects. */
    SpanRecord nextFree;

    // identity
    String traceIdHex;
    long spanId;
    private String spanIdHex;
    /** The parent's id and whether it is remote; its SpanContext view is made on first use (OpenTelemetry path only). */
    String parentSpanIdHex;
    boolean parentRemote;
    private ParentContext parentContext;
    Resource resource = Resource.empty();
    InstrumentationScopeInfo scope = InstrumentationScopeInfo.empty();

    // what every span has
    String name = "";
    long startEpochNanos;
    long endEpochNanos;
    StatusData status = StatusData.unset();

    // a syscall span
    int tid;
    int pid;
    int number;
    String syscallName = "";
    /** Copied from the event, strace style. */
    // sized for the common case; they grow once for longer text and keep that size (retained memory
    // is measured in RetainedMemoryBenchmark)
    public final StringBuilder arguments = new StringBuilder(64);
    public final StringBuilder result = new StringBuilder(16);
    String errnoName;
    String argumentsText;
    String resultText;
    Long tidBoxed;
    private SyscallAttributes syscallAttributes; // made on first use: only the OpenTelemetry encoders read it

    /** Set for a process span (rare: built with the SDK's own Attributes); null for a syscall span. */
    Attributes processAttributes;

    SpanRecord(SpanPool owner) {
        this.owner = owner;
    }

    /** Ids and parent; {@code parentSpanIdHex} null for a root span without an upstream parent. */
    public SpanRecord identify(String traceIdHex, long spanId, String parentSpanIdHex, boolean parentRemote) {
        this.traceIdHex = traceIdHex;
        this.spanId = spanId;
        this.spanIdHex = null;
        this.parentSpanIdHex = parentSpanIdHex;
        this.parentRemote = parentRemote;
        return this;
    }

    /** Where the span comes from: the same two objects for a whole run. */
    public SpanRecord origin(Resource resource, InstrumentationScopeInfo scope) {
        this.resource = resource;
        this.scope = scope;
        return this;
    }

    /**
     * Copies a finished syscall into this record: plain field stores and StringBuilder appends into
     * buffers that, once grown, stay; no allocation in steady state.
     */
    public SpanRecord fillSyscall(int tid, int pid, int number, CharSequence arguments, CharSequence result,
                                  int errno, long startEpochNanos, long endEpochNanos, SpanNames names) {
        return fillSyscall(tid, pid, number, false, arguments, result, errno, startEpochNanos, endEpochNanos, names);
    }

    /** As above, for a call that may have gone through the i386 ABI ({@code number} is then an i386 number). */
    public SpanRecord fillSyscall(int tid, int pid, int number, boolean i386, CharSequence arguments, CharSequence result,
                                  int errno, long startEpochNanos, long endEpochNanos, SpanNames names) {
        this.tid = tid;
        this.pid = pid;
        this.number = number;
        this.syscallName = names.syscallName(number, i386);
        this.name = names.spanName(number, i386);
        this.arguments.setLength(0);
        this.arguments.append(arguments);
        this.result.setLength(0);
        this.result.append(result);
        if (errno != 0) {
            this.errnoName = names.errnoName(errno);
            this.status = names.errorStatus(errno, this.errnoName);
        } else {
            this.errnoName = null;
            this.status = StatusData.unset();
        }
        this.startEpochNanos = startEpochNanos;
        this.endEpochNanos = endEpochNanos;
        this.processAttributes = null;
        return this;
    }

    /** Fills a process span (rare path: allocation is fine here). */
    public SpanRecord fillProcess(String name, Attributes attributes, StatusData status, long startEpochNanos,
                                  long endEpochNanos) {
        this.name = name;
        this.processAttributes = attributes;
        this.status = status;
        this.startEpochNanos = startEpochNanos;
        this.endEpochNanos = endEpochNanos;
        return this;
    }

    /**
     * Makes, on the exporter thread and before the exporter sees the record, the strings OTLP encodes,
     * so every later getter is a field read whichever thread the encoder runs on.
     */
    public void prepareForExport(StringCache strings) {
        if (spanIdHex == null) spanIdHex = SpanIds.toHex(spanId, 16);
        if (processAttributes == null) {
            argumentsText = strings.intern(arguments);
            resultText = strings.intern(result);
            if (tidBoxed == null || tidBoxed != tid) tidBoxed = (long) tid;
        }
    }

    /** Back to the state of a fresh record, keeping the grown buffers. */
    void reset() {
        spanIdHex = null;
        argumentsText = null;
        resultText = null;
        processAttributes = null;
        errnoName = null;
        if (arguments.capacity() > 16384) {
            arguments.setLength(0);
            arguments.trimToSize();
        }
    }

    public long spanId() { return spanId; }
    String parentSpanIdHexOrNull() { return parentSpanIdHex; }
    boolean parentIsRemote() { return parentRemote; }
    public int pid() { return pid; }

    // ---- SpanData ----
    @Override public String getName() { return name; }
    @Override public SpanKind getKind() { return SpanKind.INTERNAL; }
    @Override public SpanContext getSpanContext() { return this; }
    @Override public SpanContext getParentSpanContext() {
        ParentContext p = parentContext;
        return p != null ? p : (parentContext = new ParentContext());
    }
    @Override public StatusData getStatus() { return status; }
    @Override public long getStartEpochNanos() { return startEpochNanos; }
    @Override public long getEndEpochNanos() { return endEpochNanos; }
    @Override public Attributes getAttributes() {
        if (processAttributes != null) return processAttributes;
        SyscallAttributes a = syscallAttributes;
        return a != null ? a : (syscallAttributes = new SyscallAttributes(this));
    }
    @Override public List<EventData> getEvents() { return Collections.emptyList(); }
    @Override public List<LinkData> getLinks() { return Collections.emptyList(); }
    @Override public boolean hasEnded() { return true; }
    @Override public int getTotalRecordedEvents() { return 0; }
    @Override public int getTotalRecordedLinks() { return 0; }
    @Override public int getTotalAttributeCount() { return getAttributes().size(); }
    @Override public InstrumentationScopeInfo getInstrumentationScopeInfo() { return scope; }
    @Override public Resource getResource() { return resource; }

    @Deprecated
    @Override public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
        return InstrumentationLibraryInfo.create(scope.getName(), scope.getVersion());
    }

    // ---- SpanContext (of this span) ----
    @Override public String getTraceId() { return traceIdHex; }
    @Override public String getSpanId() {
        String hex = spanIdHex;
        return hex != null ? hex : (spanIdHex = SpanIds.toHex(spanId, 16));
    }
    @Override public String getParentSpanId() { return getParentSpanContext().getSpanId(); }
    @Override public TraceFlags getTraceFlags() { return TraceFlags.getSampled(); }
    @Override public TraceState getTraceState() { return TraceState.getDefault(); }
    @Override public boolean isRemote() { return false; }
    @Override public boolean isValid() { return true; }

    @Override public String toString() {
        return "SpanRecord{" + name + ", span=" + getSpanId() + ", parent=" + parentSpanIdHex + "}";
    }

    /** A view of the parent's context over the record's fields; invalid for a root span without an upstream. */
    private final class ParentContext implements SpanContext {
        @Override public String getTraceId() { return parentSpanIdHex == null ? "00000000000000000000000000000000" : traceIdHex; }
        @Override public String getSpanId() { return parentSpanIdHex == null ? "0000000000000000" : parentSpanIdHex; }
        @Override public TraceFlags getTraceFlags() { return TraceFlags.getSampled(); }
        @Override public TraceState getTraceState() { return TraceState.getDefault(); }
        @Override public boolean isRemote() { return parentRemote; }
        @Override public boolean isValid() { return parentSpanIdHex != null; }
    }
}
