package dev.renacer.linux;

import com.sun.jna.Memory;
import dev.renacer.syscall.TraceeMemory;

/**
 * Reads tracee memory with process_vm_readv(2) into one reused native buffer. A read never crosses
 * a page boundary in one request, because the kernel fails a whole iovec that runs into an unmapped
 * page: going page by page returns every readable byte, as strace's umoven does.
 */
public final class ProcessVmReader implements TraceeMemory {
    private static final int PAGE = 4096;
    private static final int BUFFER = 64 * 1024;

    private final Memory buffer = new Memory(BUFFER);
    private final Memory iovecs = new Memory(32); // local {base, len}, remote {base, len}
    private final com.sun.jna.Pointer remoteIovec = iovecs.share(16);

    public ProcessVmReader() {
        iovecs.setPointer(0, buffer);
    }

    @Override
    public int read(int tid, long address, byte[] dst, int offset, int length) {
        if (address == 0) return -1;
        int total = 0;
        while (total < length) {
            long at = address + total;
            int chunk = Math.min(length - total, PAGE - (int) (at & (PAGE - 1)));
            chunk = Math.min(chunk, BUFFER);
            iovecs.setLong(8, chunk);
            iovecs.setLong(16, at);
            iovecs.setLong(24, chunk);
            long n = LibC.process_vm_readv(tid, iovecs, 1, remoteIovec, 1, 0);
            if (n <= 0) break;
            buffer.read(0, dst, offset + total, (int) n);
            total += (int) n;
            if (n < chunk) break;
        }
        return total == 0 && length > 0 ? -1 : total;
    }
}
