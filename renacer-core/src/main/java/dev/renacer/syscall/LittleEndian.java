package dev.renacer.syscall;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fields of the x86_64 structs read from a tracee (siginfo_t, struct stat, ...), which are little-endian,
 * out of the reused byte buffers the decoders hold. The JDK's byte-array views do the reading, without
 * allocating (DecoderAllocationTest counts).
 */
public final class LittleEndian {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    /** The unsigned 16 bits at {@code at}. */
    public static int u16(byte[] b, int at) {
        return (short) I16.get(b, at) & 0xffff;
    }

    public static int i32(byte[] b, int at) {
        return (int) I32.get(b, at);
    }

    /** The 32 bits at {@code at} as an unsigned number. */
    public static long u32(byte[] b, int at) {
        return i32(b, at) & 0xffffffffL;
    }

    public static long i64(byte[] b, int at) {
        return (long) I64.get(b, at);
    }
}
