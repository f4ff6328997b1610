package dev.renacer.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a sink's bytes go: a buffer in front of the trace destination (a file, stdout or stderr).
 *
 * <p>Two promises. First, the tracer is never hurt by the output: a write error (a full disk, a
 * closed pipe as in {@code renacer ... | head}) is reported once on stderr, later writes are
 * dropped, and nothing is thrown back into the tracer thread. Second, a person watching sees lines
 * promptly although the tracer writes into a buffer: a daemon thread flushes whatever is pending
 * every {@link #FLUSH_INTERVAL_NANOS}. A check on each event could not do that: when the tracee
 * blocks (a read on a terminal, a sleep) no event comes, and the lines before the blocking call would
 * sit in the buffer for as long as it blocks. The price is one uncontended monitor per written line.
 *
 * <p>Characters are encoded to UTF-8 here, by hand, so that appending a {@link CharSequence}
 * allocates nothing.
 */
public final class OutputChannel implements AutoCloseable {
    static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final OutputStream out;
    private final String destination;
    private final PrintStream diagnostics;
    private final boolean closeTarget;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private boolean failed;
    private boolean closed;
    private Thread flusher;

    /**
     * @param out         the destination; a {@link PrintStream} is checked with {@code checkError()}
     *                    because it swallows its exceptions
     * @param destination how to name the destination in the one error message ("trace.txt", "standard output")
     * @param diagnostics where that message goes (renacer's stderr)
     * @param closeTarget close {@code out} at the end (a file renacer opened), or only flush it (stdout, stderr)
     */
    public OutputChannel(OutputStream out, String destination, PrintStream diagnostics, boolean closeTarget) {
        this.out = out;
        this.destination = destination;
        this.diagnostics = diagnostics;
        this.closeTarget = closeTarget;
    }

    /** Starts the daemon that flushes pending output every 50 ms; without it, output is flushed when the buffer fills and at close. */
    public synchronized OutputChannel startPeriodicFlush() {
        if (flusher == null && !closed) {
            flusher = new Thread(this::flushPeriodically, "renacer-output-flusher");
            flusher.setDaemon(true);
            flusher.start();
        }
        return this;
    }

    /** Appends the characters of {@code text}, encoded as UTF-8. */
    public synchronized void write(CharSequence text) {
        write(text, 0, text.length());
    }

    /** Appends {@code text[from, to)}, encoded as UTF-8. */
    public synchronized void write(CharSequence text, int from, int to) {
        if (failed || closed) return;
        // Sinks write whole lines: drain before a line that may not fit, so that a diagnostic another
        // thread prints on the same stderr lands between trace lines, not inside one.
        if ((to - from) * 3L > BUFFER_SIZE - position) drain();
        for (int i = from; i < to; i++) {
            if (BUFFER_SIZE - position < 4) drain();
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[position++] = (byte) c;
            } else if (c < 0x800) {
                buffer[position++] = (byte) (0xC0 | (c >> 6));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer[position++] = (byte) (0xF0 | (cp >> 18));
                buffer[position++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[position++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                // a lone surrogate cannot be encoded: write U+FFFD as the JDK's encoder would
                char e = Character.isSurrogate(c) ? '\uFFFD' : c;
                buffer[position++] = (byte) (0xE0 | (e >> 12));
                buffer[position++] = (byte) (0x80 | ((e >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (e & 0x3F));
            }
        }
    }

    /** Appends raw bytes (already encoded, as Jackson hands them). */
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (failed || closed) return;
        while (length > 0) {
            if (position == BUFFER_SIZE) drain();
            if (failed) return;
            int n = Math.min(length, BUFFER_SIZE - position);
            System.arraycopy(bytes, offset, buffer, position, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Pushes buffered bytes to the destination now. */
    public synchronized void flush() {
        if (failed || closed) return;
        drain();
        if (failed) return;
        try {
            out.flush();
        } catch (IOException e) {
            fail(e);
        }
        checkPrintStream();
    }

    /** True once a write failed; the output is dropped from then on. */
    public synchronized boolean failed() {
        return failed;
    }

    /** Flushes, stops the flusher, and closes the destination if renacer opened it. Idempotent. */
    @Override
    public void close() {
        Thread f;
        synchronized (this) {
            if (closed) return;
            flush();
            closed = true;
            f = flusher;
            if (closeTarget) {
                try {
                    out.close();
                } catch (IOException e) {
                    if (!failed) fail(e);
                }
            }
        }
        if (f != null) LockSupport.unpark(f);
    }

    private void drain() {
        if (position == 0 || failed) return;
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            fail(e);
        }
        position = 0;
        checkPrintStream();
    }

    private void checkPrintStream() {
        if (!failed && out instanceof PrintStream ps && ps.checkError()) {
            fail(new IOException("write error"));
        }
    }

    private void fail(IOException e) {
        failed = true;
        position = 0;
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (diagnostics != null) {
            diagnostics.println("renacer: cannot write trace to " + destination + ": " + reason
                    + "; output stopped, tracing goes on");
            diagnostics.flush();
        }
    }

    private void flushPeriodically() {
        while (true) {
            LockSupport.parkNanos(this, FLUSH_INTERVAL_NANOS);
            synchronized (this) {
                if (closed || failed) return;
                if (position > 0) flush();
            }
        }
    }
}
