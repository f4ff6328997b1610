package dev.renacer.output;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** An in-memory destination plus the stderr that diagnostics go to. */
final class Capture {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    final OutputChannel channel = new OutputChannel(bytes, "test", err, false);

    String text() {
        channel.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
