package dev.renacer.syscall.decode;

import dev.renacer.syscall.SyscallTable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a decoder test starts from: a fake tracee memory, a decoder on it with strace's default -s 32,
 * and calls run through a decoder as the tracer runs them, entry stop then exit stop, for task 1234.
 */
abstract class DecoderTestBase {
    static final int TID = 1234;
    final FakeMemory memory = new FakeMemory();
    final SyscallDecoder decoder = new SyscallDecoder(memory, 32);

    /** The text between the parentheses. */
    String call(String name, long returnValue, long... args) {
        return call(decoder, name, returnValue, args);
    }

    static String call(SyscallDecoder decoder, String name, long returnValue, long... args) {
        return decode(decoder, name, returnValue, args)[0];
    }

    /** The arguments, " = ", the result: the trace line without the name and its parentheses. */
    String line(String name, long returnValue, long... args) {
        return line(decoder, name, returnValue, args);
    }

    static String line(SyscallDecoder decoder, String name, long returnValue, long... args) {
        String[] decoded = decode(decoder, name, returnValue, args);
        return decoded[0] + " = " + decoded[1];
    }

    /** What follows "= ". */
    String result(String name, long returnValue, long... args) {
        return decode(decoder, name, returnValue, args)[1];
    }

    /** The six argument registers: the given ones, then zeros. */
    static long[] registers(long... args) {
        long[] six = new long[6];
        System.arraycopy(args, 0, six, 0, args.length);
        return six;
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String[] decode(SyscallDecoder decoder, String name, long returnValue, long... args) {
        long[] six = registers(args);
        int number = SyscallTable.number(name);
        if (number < 0) throw new IllegalArgumentException("no syscall " + name);
        StringBuilder arguments = new StringBuilder();
        StringBuilder result = new StringBuilder();
        int from = decoder.decodeEntry(TID, number, six, 0, arguments);
        decoder.decodeExit(TID, number, six, from, returnValue, arguments, result);
        return new String[] {arguments.toString(), result.toString()};
    }
}
