package dev.renacer.syscall;

/** Runs one call through a decoder as the tracer does, its entry stop then its exit stop, for task 1234. */
final class DecoderCalls {
    static final int TID = 1234;

    private DecoderCalls() {}

    /** The text between the parentheses. */
    static String arguments(SyscallDecoder decoder, String name, long returnValue, long... args) {
        return decode(decoder, name, returnValue, args)[0];
    }

    /** What follows "= ". */
    static String result(SyscallDecoder decoder, String name, long returnValue, long... args) {
        return decode(decoder, name, returnValue, args)[1];
    }

    /** The arguments, " = ", the result: the trace line without the name and parentheses. */
    static String line(SyscallDecoder decoder, String name, long returnValue, long... args) {
        String[] decoded = decode(decoder, name, returnValue, args);
        return decoded[0] + " = " + decoded[1];
    }

    /** The six argument registers, the given ones first and zeros after. */
    static long[] registers(long... args) {
        long[] six = new long[6];
        System.arraycopy(args, 0, six, 0, args.length);
        return six;
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
