package dev.renacer.otlp;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * {@code --otlp-file}: one OTLP/JSON {@code ExportTraceServiceRequest} per line, the format the
 * OpenTelemetry collector's file exporter writes and its {@code otlpjsonfile} receiver reads.
 *
 * <p>The encoding is the OpenTelemetry exporter library's own JSON marshaler (the one behind its
 * OTLP stdout exporter, which is not served here as a separate artifact), so the JSON follows the
 * OTLP mapping exactly: lowerCamelCase keys, hex ids, 64-bit integers as strings, enums as numbers.
 * This class is only the transport: a buffered file and a newline.
 */
public final class OtlpJsonFileExporter implements SpanExporter {
    private final Path path;
    private final OutputStream out;
    private final OutputStream unclosable;
    private boolean broken;

    public OtlpJsonFileExporter(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        // the JSON generator closes its target when done: keep the file open across requests
        this.unclosable = new FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
            @Override public void close() throws IOException { out.flush(); }
        };
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (broken) return CompletableResultCode.ofFailure();
        try {
            TraceRequestMarshaler.create(spans).writeJsonTo(unclosable);
            out.write('\n');
            return CompletableResultCode.ofSuccess();
        } catch (IOException | RuntimeException e) {
            broken = true; // a full disk stays full: count the rest as dropped without retrying
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public synchronized CompletableResultCode flush() {
        try {
            out.flush();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        try {
            out.close();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }
}
