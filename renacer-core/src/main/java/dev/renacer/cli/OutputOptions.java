package dev.renacer.cli;

import dev.renacer.trace.TraceListener;

/** STUB to be replaced by the output work: -o, -c, -C, -S, -T, -t, -r, --format, --stats-extended. */
@picocli.CommandLine.Command
public final class OutputOptions {
    /**
     * Checks the options (throwing {@link UsageException} for bad ones, before anything starts) and
     * builds the listener that writes the trace and summaries.
     */
    public TraceListener createListener(RunContext context) throws java.io.IOException {
        return new TraceListener() {};
    }
}
