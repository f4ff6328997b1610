package dev.renacer.otlp;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import dev.renacer.io.IoErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * {@code --otlp-file}: one OTLP/JSON {@code ExportTraceServiceRequest} per line, the format the
 * OpenTelemetry collector's file exporter writes and its {@code otlpjsonfile} receiver reads.
 *
 * <p>The encoding is the OpenTelemetry exporter library's own JSON marshaler (the one behind its
 * OTLP stdout exporter, which is not served here as a separate artifact), so the JSON follows the
 * OTLP mapping exactly: lowerCamelCase keys, hex ids, 64-bit integers as strings, enums as numbers.
 * This class is only the transport: each request encoded in memory, then written as one line.
 */
public final class OtlpJsonFileExporter implements SpanExporter {
    private final Path path;
    private final FileChannel file;
    private final Consumer<String> errors;
    /** One request's line, encoded in memory first: it reaches the file whole, or is taken back. */
    private final LineBuffer line = new LineBuffer();
    private boolean broken;

    /** @param errors told why a write failed (the disk is full, ...), for the exit summary */
    public OtlpJsonFileExporter(Path path, Consumer<String> errors) throws IOException {
        this.path = path;
        this.errors = errors;
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    public Path path() {
        return path;
    }

    /**
     * Writes the request as one line, straight to the file: success means the line is in the file (not
     * in a buffer whose write could still fail at exit). A write that fails part-way is taken back
     * (the file is cut back to the end of the last whole line), so no partial line is left as data, and
     * every later request fails too: a full disk stays full.
     */
    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (broken) return CompletableResultCode.ofFailure();
        line.reset();
        try {
            TraceRequestMarshaler.create(spans).writeJsonTo(line);
        } catch (IOException | RuntimeException e) {
            errors.accept("cannot encode OTLP/JSON for " + path + ": " + e.getMessage());
            return CompletableResultCode.ofFailure();
        }
        line.write('\n');
        long start = -1;
        try {
            start = file.position();
            ByteBuffer bytes = line.bytes();
            while (bytes.hasRemaining()) file.write(bytes);
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            broken = true;
            errors.accept("cannot write the OTLP file " + path + ": " + IoErrors.reason(e));
            takeBack(start);
            return CompletableResultCode.ofFailure();
        }
    }

    /** Cuts what a failed write left of its line; a file that cannot be cut (a device) keeps what it got. */
    private void takeBack(long start) {
        if (start < 0) return;
        try {
            if (file.size() > start) file.truncate(start);
        } catch (IOException | UnsupportedOperationException e) {
            // /dev/full and the like: nothing of the line reached it anyway
        }
    }

    /** Lines are written whole as they are exported: nothing is held back to flush. */
    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        try {
            file.close();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            errors.accept("cannot close the OTLP file " + path + ": " + IoErrors.reason(e));
            return CompletableResultCode.ofFailure();
        }
    }

    /** A growing byte array the JSON generator writes into (it closes its target when done: closing does nothing). */
    private static final class LineBuffer extends ByteArrayOutputStream {
        LineBuffer() {
            super(1 << 16);
        }

        ByteBuffer bytes() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        @Override
        public void close() {
            // kept for the next request
        }
    }
}
