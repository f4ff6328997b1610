package dev.renacer.syscall.decode;

import dev.renacer.syscall.FlagSet;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * How a decoder treats each value of one flag set, such as the arguments each prctl option, fcntl
 * command or ioctl request takes. Values are given by their names in the set's table, so each value
 * keeps one home, the table line; a value given no case, or unknown to the table, has the default.
 * Lookups are Agrona map reads and never allocate.
 *
 * @param <E> the decoder's cases
 */
final class Cases<E extends Enum<E>> {
    private final FlagSet set;
    private final E otherwise;
    private final Int2ObjectHashMap<E> byValue = new Int2ObjectHashMap<>();

    /** @param otherwise the case of every value not given one */
    Cases(FlagSet set, E otherwise) {
        this.set = set;
        this.otherwise = otherwise;
    }

    /** Gives the values {@code names} of the set the case {@code c}. */
    Cases<E> with(E c, String... names) {
        for (String name : names) {
            if (byValue.put((int) set.value(name), c) != null) throw new IllegalStateException(name + " has two cases");
        }
        return this;
    }

    /** The case of {@code value}, as a 32-bit register value. */
    E of(long value) {
        E c = byValue.get((int) value);
        return c != null ? c : otherwise;
    }
}
