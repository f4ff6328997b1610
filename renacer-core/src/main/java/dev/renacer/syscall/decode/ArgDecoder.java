package dev.renacer.syscall.decode;

/**
 * Prints one kind of argument. Implementations append only and allocate nothing.
 * <p>
 * The decoders register anonymous classes, not lambdas: every trace builds all of them at start, and a lambda's
 * first evaluation links its invokedynamic call site through LambdaMetafactory, interpreted, even with the
 * lambda's class in the class-data archive. 110 decoder-shaped lambdas took 11-15 ms to register in a scratch
 * program where 110 anonymous classes took 1.4-1.5 ms (each with its own archive, 5 runs); here the warm-up
 * thread's CPU went 98.4 -> 91.2 and 90.0 -> 80.1 ms (async-profiler, 10 interleaved runs each; README, Start-up).
 */
interface ArgDecoder {
    /** Appends argument {@code index} of {@code call}. */
    void append(Call call, int index, StringBuilder out);

    /** False when strace leaves the argument out altogether (open's mode without O_CREAT). */
    default boolean shown(long[] args, int index) { return true; }

    /**
     * Called at the entry stop for an argument printed at the exit stop, to remember what the call will
     * overwrite (the length of an in/out socklen_t).
     */
    default void atEntry(Call call, int index) {}

    /** False for a decoder that writes its own separator, because strace puts something else first (clone3's "=>"). */
    default boolean separated() { return true; }
}
