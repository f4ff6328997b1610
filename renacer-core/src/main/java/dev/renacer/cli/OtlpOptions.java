package dev.renacer.cli;

import dev.renacer.trace.TraceListener;

/** STUB to be replaced by the OTLP work: --otlp-*, --trace-parent and the OTEL_* variables. */
@picocli.CommandLine.Command
public final class OtlpOptions {
    /**
     * Checks the options and variables (throwing {@link UsageException} for bad ones, before anything
     * starts) and returns the exporting listener, or null when no export is configured.
     */
    public TraceListener createListener(RunContext context) {
        return null;
    }
}
