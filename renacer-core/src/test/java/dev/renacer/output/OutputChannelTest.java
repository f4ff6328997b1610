package dev.renacer.output;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OutputChannelTest {

    /** Accepts {@code limit} bytes, then fails as a closed pipe does. */
    static final class BrokenPipe extends OutputStream {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        final int limit;
        BrokenPipe(int limit) { this.limit = limit; }
        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
        @Override public void write(byte[] b, int off, int len) throws IOException {
            if (got.size() + len > limit) throw new IOException("Broken pipe");
            got.write(b, off, len);
        }
    }

    @Test
    void aWriteErrorIsReportedOnceAndNeverThrown() {
        BrokenPipe pipe = new BrokenPipe(100);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputChannel channel = new OutputChannel(pipe, "standard output", new PrintStream(err, true), false);
        for (int i = 0; i < 20_000; i++) channel.write("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n");
        channel.flush();
        channel.write("more\n");
        channel.close();
        assertThat(channel.failed()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "renacer: cannot write trace to standard output: Broken pipe; output stopped, tracing goes on\n");
    }

    @Test
    void aPrintStreamThatSwallowedAnErrorIsNoticed() {
        PrintStream swallowing = new PrintStream(new BrokenPipe(0), false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputChannel channel = new OutputChannel(swallowing, "standard error", new PrintStream(err, true), false);
        channel.write("x\n");
        channel.close();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("renacer: cannot write trace to standard error: ");
    }

    @Test
    void encodesUtf8AndFlushesPeriodicallyWithoutAnExplicitFlush() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputChannel channel = new OutputChannel(bytes, "t", System.err, false).startPeriodicFlush();
        channel.write("caf\u00e9 \u20ac \uD83D\uDE00\n");
        // the flusher runs every 50 ms; wait for its effect, not for a time
        for (int i = 0; i < 400 && bytes.size() == 0; i++) Thread.sleep(10);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("caf\u00e9 \u20ac \uD83D\uDE00\n");
        channel.close();
    }
}
