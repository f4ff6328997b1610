package dev.renacer.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.renacer.stats.LatencyProfile;
import dev.renacer.stats.SortOrder;
import dev.renacer.stats.Summary;
import dev.renacer.stats.SummaryRow;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.Signals;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The trace as one JSON document, streamed: events are written as they happen and nothing is kept,
 * so memory stays constant however long the trace. The schema is in docs/output.md. Field names are
 * pre-encoded and strings are copied from the event's builders into a reused char array, so writing
 * an event allocates nothing.
 */
public final class JsonSink implements TraceListener {
    static final int SCHEMA_VERSION = 1;
    private static final SerializedString TYPE = new SerializedString("type"), PID = new SerializedString("pid"),
            TID = new SerializedString("tid"), TIMESTAMP = new SerializedString("timestamp_ns"),
            SYSCALL = new SerializedString("syscall"), NUMBER = new SerializedString("number"),
            ARGUMENTS = new SerializedString("arguments"), RAW = new SerializedString("raw_arguments"),
            RETURNED = new SerializedString("returned"), RETURN_VALUE = new SerializedString("return_value"),
            RESULT = new SerializedString("result"), ERRNO = new SerializedString("errno"),
            DURATION = new SerializedString("duration_ns"), SIGNAL = new SerializedString("signal"),
            SIGNAL_NUMBER = new SerializedString("signal_number"), SIGINFO = new SerializedString("siginfo"),
            EXIT_CODE = new SerializedString("exit_code"), CORE = new SerializedString("core_dumped"),
            V_SYSCALL = new SerializedString("syscall"), V_SIGNAL = new SerializedString("signal"),
            V_EXIT = new SerializedString("exit"), V_KILLED = new SerializedString("killed"),
            ABI = new SerializedString("abi"), V_I386 = new SerializedString("i386");

    private final OutputChannel channel;
    private final JsonGenerator json;
    private final boolean writeEvents;
    private final boolean showDuration;
    private final SyscallStats stats;
    private long eventsLost = -1;
    private final SortOrder order;
    private final WallClock clock = new WallClock();
    private char[] chars = new char[1024];
    private boolean broken;

    /**
     * @param writeEvents  false with -c: the document holds the summary only
     * @param showDuration -T: each syscall event carries duration_ns
     * @param stats        the counters for the "summary" object (-c, -C), or null for none
     */
    public JsonSink(OutputChannel channel, List<String> command, boolean writeEvents, boolean showDuration,
                    SyscallStats stats, SortOrder order) throws IOException {
        this.channel = channel;
        this.writeEvents = writeEvents;
        this.showDuration = showDuration;
        this.stats = stats;
        this.order = order;
        this.json = new JsonFactory().createGenerator(new ChannelOutputStream(channel), JsonEncoding.UTF8);
        json.setPrettyPrinter(new OneEventPerLine());
        json.writeStartObject();
        json.writeStringField("format", "renacer-trace");
        json.writeNumberField("version", SCHEMA_VERSION);
        json.writeArrayFieldStart("command");
        for (String word : command) json.writeString(word);
        json.writeEndArray();
        json.writeArrayFieldStart("events");
        json.writeRaw('\n');
        json.flush();
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        clock.learn(e.entryEpochNanos, e.entryNanos);
        if (!writeEvents || broken) return;
        try {
            json.writeStartObject();
            json.writeFieldName(TYPE);
            json.writeString(V_SYSCALL);
            common(e.pid, e.tid, e.entryEpochNanos);
            json.writeFieldName(SYSCALL);
            json.writeString(e.name());
            json.writeFieldName(NUMBER);
            json.writeNumber(e.number);
            if (e.i386) { // int $0x80: the number and name are the i386 table's (strace's 32 bit mode)
                json.writeFieldName(ABI);
                json.writeString(V_I386);
            }
            json.writeFieldName(ARGUMENTS);
            string(e.arguments);
            json.writeFieldName(RAW);
            json.writeStartArray();
            for (long a : e.args) json.writeNumber(a);
            json.writeEndArray();
            json.writeFieldName(RETURNED);
            json.writeBoolean(e.returned);
            json.writeFieldName(RETURN_VALUE);
            if (e.returned) json.writeNumber(e.returnValue); else json.writeNull();
            json.writeFieldName(RESULT);
            string(e.result);
            json.writeFieldName(ERRNO);
            String errno = e.errnoName();
            if (errno != null) json.writeString(errno); else json.writeNull();
            if (showDuration) {
                json.writeFieldName(DURATION);
                if (e.returned) json.writeNumber(e.durationNanos()); else json.writeNull();
            }
            endEvent();
        } catch (IOException ex) {
            broken = true;   // cannot happen: the channel never throws; stop rather than corrupt the document
        }
    }

    @Override
    public void onSignal(int tid, int pid, int signal, CharSequence siginfo) {
        if (!writeEvents || broken) return;
        try {
            json.writeStartObject();
            json.writeFieldName(TYPE);
            json.writeString(V_SIGNAL);
            common(pid, tid, clock.epochNanos(System.nanoTime()));
            json.writeFieldName(SIGNAL);
            json.writeString(Signals.name(signal));
            json.writeFieldName(SIGNAL_NUMBER);
            json.writeNumber(signal);
            json.writeFieldName(SIGINFO);
            string(siginfo);
            endEvent();
        } catch (IOException ex) {
            broken = true;
        }
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        onThreadExit(pid, pid, exitCode, termSignal, coreDumped);
    }

    @Override
    public void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        if (!writeEvents || broken) return;
        try {
            json.writeStartObject();
            json.writeFieldName(TYPE);
            json.writeString(termSignal == 0 ? V_EXIT : V_KILLED);
            common(pid, tid, clock.epochNanos(System.nanoTime()));
            if (termSignal == 0) {
                json.writeFieldName(EXIT_CODE);
                json.writeNumber(exitCode);
            } else {
                json.writeFieldName(SIGNAL);
                json.writeString(Signals.name(termSignal));
                json.writeFieldName(SIGNAL_NUMBER);
                json.writeNumber(termSignal);
                json.writeFieldName(CORE);
                json.writeBoolean(coreDumped);
            }
            endEvent();
        } catch (IOException ex) {
            broken = true;
        }
    }

    /** The eBPF backend's records lost to a full ring buffer: "events_lost" in the document. */
    @Override
    public void onEventsLost(long events) {
        eventsLost = events;
    }

    @Override
    public void onFinish() {
        try {
            if (!broken) {
                json.writeEndArray();
                if (eventsLost >= 0) json.writeNumberField("events_lost", eventsLost);
                if (stats != null) writeSummary(stats.summary());
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            channel.flush();
        }
    }

    private void common(int pid, int tid, long epochNanos) throws IOException {
        json.writeFieldName(PID);
        json.writeNumber(pid);
        json.writeFieldName(TID);
        json.writeNumber(tid);
        json.writeFieldName(TIMESTAMP);
        json.writeNumber(epochNanos);
    }

    // flush() hands Jackson's buffer to the channel (a copy, not a write syscall) so that the
    // channel's flusher shows the event promptly.
    private void endEvent() throws IOException {
        json.writeEndObject();
        json.flush();
    }

    /** Compact JSON, but one event (and one summary row) per line: readable with head and grep, still one document. */
    private static final class OneEventPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            var array = g.getOutputContext();
            String field = array.getParent() == null ? null : array.getParent().getCurrentName();
            if ("events".equals(field) || "syscalls".equals(field)) g.writeRaw(",\n"); else g.writeRaw(',');
        }
    }

    private void string(CharSequence text) throws IOException {
        int n = text.length();
        if (n > chars.length) chars = new char[Math.max(n, chars.length * 2)];
        if (text instanceof StringBuilder sb) sb.getChars(0, n, chars, 0);
        else for (int i = 0; i < n; i++) chars[i] = text.charAt(i);
        json.writeString(chars, 0, n);
    }

    private void writeSummary(Summary summary) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeStringField("time", summary.wallClock() ? "wall" : "system");
        json.writeStringField("sorted_by", order.spelling());
        json.writeNumberField("seconds", summary.totalNanos() / 1e9);
        json.writeNumberField("total_ns", summary.totalNanos());
        json.writeNumberField("calls", summary.calls());
        json.writeNumberField("errors", summary.errors());
        json.writeArrayFieldStart("syscalls");
        for (SummaryRow r : summary.sorted(order)) {
            json.writeStartObject();
            json.writeStringField("syscall", r.name());
            json.writeNumberField("number", r.number());
            json.writeNumberField("percent", Math.round(summary.percent(r) * 100) / 100.0);
            json.writeNumberField("total_ns", r.totalNanos());
            json.writeNumberField("usecs_per_call", r.averageNanos() / 1000);
            json.writeNumberField("calls", r.calls());
            json.writeNumberField("errors", r.errors());
            json.writeNumberField("min_ns", r.minNanos());
            json.writeNumberField("max_ns", r.maxNanos());
            if (r.latency() != null) writeLatency(r.latency());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeLatency(LatencyProfile l) throws IOException {
        json.writeObjectFieldStart("latency");
        json.writeNumberField("min_ns", l.min());
        json.writeNumberField("mean_ns", l.mean());
        json.writeNumberField("max_ns", l.max());
        json.writeNumberField("stddev_ns", l.stddev());
        json.writeNumberField("p50_ns", l.p50());
        json.writeNumberField("p75_ns", l.p75());
        json.writeNumberField("p90_ns", l.p90());
        json.writeNumberField("p95_ns", l.p95());
        json.writeNumberField("p99_ns", l.p99());
        json.writeNumberField("outlier_threshold_ns", l.outlierThreshold());
        json.writeNumberField("outliers", l.outliers());
        json.writeEndObject();
    }
}
