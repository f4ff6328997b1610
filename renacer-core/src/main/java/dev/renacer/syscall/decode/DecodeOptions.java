package dev.renacer.syscall.decode;

import dev.renacer.syscall.FileDescriptors;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * How a {@link SyscallDecoder} prints: strace's -s, -x / -xx, -y / -yy (-e decode-fds=) and the
 * descriptors -e read= and -e write= dump the data of.
 *
 * @param stringLimit -s: at most this many bytes of a string are printed, then "..."
 * @param hexStrings  -x / -xx
 * @param fdDetails   what is printed after a descriptor; empty: the number alone
 * @param descriptors where those details are read (the tracer's /proc); may be null when {@code fdDetails} is empty
 * @param reads       -e read=: the descriptors whose data read is dumped
 * @param writes      -e write=: the descriptors whose data written is dumped
 * @param abbrev      -e abbrev= (-v is none): the syscalls, by number, printed abbreviated (execve's environment
 *                    as a count, stat's struct in part)
 * @param verbose     -e verbose=: the syscalls whose structures are read; the others show their addresses
 * @param raw         -e raw=: the syscalls printed undecoded, every argument and the result in hex
 */
public record DecodeOptions(int stringLimit, HexStrings hexStrings, Set<FdDetail> fdDetails, FileDescriptors descriptors,
                            IntPredicate reads, IntPredicate writes, IntPredicate abbrev, IntPredicate verbose,
                            IntPredicate raw) {
    /** No descriptor: no dumps. */
    public static final IntPredicate NO_DESCRIPTOR = fd -> false;
    /** Every syscall (strace's default for abbrev= and verbose=). */
    public static final IntPredicate ALL = n -> true;
    /** No syscall (the default for raw=). */
    public static final IntPredicate NONE = n -> false;

    public DecodeOptions(int stringLimit, HexStrings hexStrings, Set<FdDetail> fdDetails, FileDescriptors descriptors,
                         IntPredicate reads, IntPredicate writes) {
        this(stringLimit, hexStrings, fdDetails, descriptors, reads, writes, ALL, ALL, NONE);
    }

    public DecodeOptions(int stringLimit, HexStrings hexStrings, Set<FdDetail> fdDetails, FileDescriptors descriptors) {
        this(stringLimit, hexStrings, fdDetails, descriptors, NO_DESCRIPTOR, NO_DESCRIPTOR);
    }

    public DecodeOptions {
        if (stringLimit < 0) throw new IllegalArgumentException("string limit must not be negative: " + stringLimit);
        fdDetails = fdDetails.isEmpty() ? Set.of() : EnumSet.copyOf(fdDetails);
        if (!fdDetails.isEmpty() && descriptors == null) throw new IllegalArgumentException("-y needs a source of descriptor details");
    }

    /** strace's defaults with -s {@code stringLimit}. */
    public static DecodeOptions of(int stringLimit) {
        return new DecodeOptions(stringLimit, HexStrings.NONE, Set.of(), null, NO_DESCRIPTOR, NO_DESCRIPTOR);
    }
}
