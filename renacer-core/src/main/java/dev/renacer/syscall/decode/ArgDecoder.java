package dev.renacer.syscall.decode;

/** Prints one kind of argument. Implementations append only and allocate nothing. */
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
