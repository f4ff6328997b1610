package dev.renacer.bench;

/** A command-line mistake: one line on stderr, exit 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
