package dev.renacer.trace;

/**
 * How a trace ended.
 *
 * @param exitStatus the launched command's exit status as a shell reports it (code, or 128+signal);
 *                   0 for an attach-only trace
 * @param detached   true when renacer let go of its tracees (SIGINT/SIGTERM with -p)
 */
public record TraceResult(int exitStatus, boolean detached) {}
