package dev.renacer.otlp;

import dev.renacer.trace.ProcessInfo;

/** What is known of a traced process while it runs: its span's ids and what its root span will say. */
final class ProcessSpan {
    final int pid;
    final long spanId;
    final String spanIdHex;
    /** The parent's span: the forking process's, the upstream --trace-parent span, or null. */
    final String parentSpanIdHex;
    final boolean parentRemote;
    final long startEpochNanos;
    ProcessInfo info;

    ProcessSpan(ProcessInfo info, long spanId, String parentSpanIdHex, boolean parentRemote, long startEpochNanos) {
        this.pid = info.pid();
        this.info = info;
        this.spanId = spanId;
        this.spanIdHex = SpanIds.toHex(spanId, 16);
        this.parentSpanIdHex = parentSpanIdHex;
        this.parentRemote = parentRemote;
        this.startEpochNanos = startEpochNanos;
    }
}
