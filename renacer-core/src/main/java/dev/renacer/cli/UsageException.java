package dev.renacer.cli;

/** Bad input from the user: renacer prints "renacer: MESSAGE" on one line and exits with 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) { super(message, null, false, false); }
}
