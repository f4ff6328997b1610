package dev.renacer.output;

import java.io.PrintStream;

/**
 * renacer's own notices ("renacer: Process 1234 attached") when the text trace goes to stderr too: each
 * is written after the trace lines buffered before it, in the order things happened, as strace's
 * line-buffered stderr keeps them.
 */
public final class OrderedDiagnostics extends PrintStream {
    private final OutputChannel trace;

    public OrderedDiagnostics(PrintStream stderr, OutputChannel trace) {
        super(stderr, true);
        this.trace = trace;
    }

    @Override
    public void println(String line) {
        trace.flush();
        super.println(line);
    }
}
