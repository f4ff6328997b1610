package dev.renacer.syscall.decode;

import dev.renacer.syscall.FileDescriptors;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a {@link SyscallDecoder} prints: strace's -s, -x / -xx and -y / -yy (-e decode-fds=).
 *
 * @param stringLimit -s: at most this many bytes of a string are printed, then "..."
 * @param hexStrings  -x / -xx
 * @param fdDetails   what is printed after a descriptor; empty: the number alone
 * @param descriptors where those details are read (the tracer's /proc); may be null when {@code fdDetails} is empty
 */
public record DecodeOptions(int stringLimit, HexStrings hexStrings, Set<FdDetail> fdDetails, FileDescriptors descriptors) {
    public DecodeOptions {
        if (stringLimit < 0) throw new IllegalArgumentException("string limit must not be negative: " + stringLimit);
        fdDetails = fdDetails.isEmpty() ? Set.of() : EnumSet.copyOf(fdDetails);
        if (!fdDetails.isEmpty() && descriptors == null) throw new IllegalArgumentException("-y needs a source of descriptor details");
    }

    /** strace's defaults with -s {@code stringLimit}. */
    public static DecodeOptions of(int stringLimit) {
        return new DecodeOptions(stringLimit, HexStrings.NONE, Set.of(), null);
    }
}
