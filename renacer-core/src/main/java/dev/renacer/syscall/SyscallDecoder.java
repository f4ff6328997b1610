package dev.renacer.syscall;

/**
 * STUB to be replaced by the decoder work: formats a syscall's arguments and result as strace does.
 * One instance per tracer, used only on the tracer thread; reuses its buffers.
 */
public final class SyscallDecoder {
    private final TraceeMemory memory;
    private final int stringLimit;

    /** @param stringLimit strace's -s: at most this many bytes of a string are printed, then "..." */
    public SyscallDecoder(TraceeMemory memory, int stringLimit) {
        this.memory = memory;
        this.stringLimit = stringLimit;
    }

    /** At the entry stop: appends the arguments known before the call runs; returns how many it wrote. */
    public int decodeEntry(int tid, int number, long[] args, StringBuilder out) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) out.append(", ");
            out.append(args[i]);
        }
        return 6;
    }

    /** At the exit stop: appends arguments {@code from}.. (the ones filled in by the call). */
    public void decodeExit(int tid, int number, long[] args, int from, long returnValue, StringBuilder out) {}

    /** Appends the result as strace prints it after "= ". */
    public void decodeResult(int number, long returnValue, StringBuilder out) {
        if (returnValue < 0 && returnValue >= -4095) out.append("-1 errno").append(-returnValue);
        else out.append(returnValue);
    }
}
