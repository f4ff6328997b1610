package dev.renacer.filter;

/** STUB to be replaced: the compiled -e trace= expression, a set of syscall numbers. */
public final class TraceFilter {
    private TraceFilter() {}

    /** Everything traced (no -e trace=). */
    public static TraceFilter all() { return new TraceFilter(); }

    /**
     * Parses a -e trace= specification ("open,close", "%file,!close", "/^mmap/", "!write").
     *
     * @throws FilterException naming the bad token
     */
    public static TraceFilter parse(String spec) { return new TraceFilter(); }

    /** One -e argument: trace=SPEC, t=SPEC, or a bare SPEC. */
    public static TraceFilter parseQualifier(String arg) {
        return parse(arg.startsWith("trace=") ? arg.substring(6) : arg);
    }

    public boolean traces(int syscallNumber) { return true; }
}
