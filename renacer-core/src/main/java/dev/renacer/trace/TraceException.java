package dev.renacer.trace;

/**
 * The trace could not start or go on: a command that cannot be executed, ptrace refused, no pid
 * attachable. The message is the one line the user sees after "renacer: ".
 */
public final class TraceException extends Exception {
    public TraceException(String message) { super(message, null, false, false); }
}
