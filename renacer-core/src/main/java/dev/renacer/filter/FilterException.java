package dev.renacer.filter;

/** A -e trace= expression that cannot be compiled; the message names the bad token. */
public final class FilterException extends IllegalArgumentException {
    public FilterException(String message) { super(message); }
}
