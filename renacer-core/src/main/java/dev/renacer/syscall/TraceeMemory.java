package dev.renacer.syscall;

/**
 * Reads a stopped tracee's memory. Implemented by the tracer with process_vm_readv; decoders use it to
 * read strings, arrays and structs. Implementations reuse their buffers and never allocate.
 */
public interface TraceeMemory {
    /**
     * Copies up to {@code length} bytes at {@code address} in task {@code tid} into {@code dst}.
     *
     * @return the number of bytes copied, which is less than {@code length} when the range runs into
     *         unmapped memory, or -1 when nothing at {@code address} is readable
     */
    int read(int tid, long address, byte[] dst, int offset, int length);
}
