package dev.renacer.trace;

/**
 * How a trace ended.
 *
 * @param exitStatus      the launched command's exit status as a shell reports it (code, or 128+signal);
 *                        0 for an attach-only trace
 * @param detached        true when renacer let go of its tracees (after {@link Tracer#requestDetach})
 * @param commandSignal   the signal that killed the launched command, 0 if it exited (or was not launched)
 * @param interruptSignal the signal that made renacer let go ({@link Tracer#requestDetach}), 0 if none
 */
public record TraceResult(int exitStatus, boolean detached, int commandSignal, int interruptSignal) {}
