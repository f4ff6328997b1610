package dev.renacer.syscall;

/** Prints one kind of argument. Implementations append only and allocate nothing. */
interface ArgDecoder {
    /** Appends argument {@code index} of {@code call}. */
    void append(Call call, int index, StringBuilder out);

    /** False when strace leaves the argument out altogether (open's mode without O_CREAT). */
    default boolean shown(Call call, int index) { return true; }

    /** False for a decoder that writes its own separator, because strace puts something else first (clone3's "=>"). */
    default boolean separated() { return true; }
}
