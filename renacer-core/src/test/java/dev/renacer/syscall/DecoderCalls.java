package dev.renacer.syscall;

/** Runs one call through a decoder, entry and exit, as the tracer does: the text between the parentheses. */
final class DecoderCalls {
    private DecoderCalls() {}

    static String arguments(SyscallDecoder decoder, String name, long returnValue, long... args) {
        long[] six = new long[6];
        System.arraycopy(args, 0, six, 0, args.length);
        int number = SyscallTable.number(name);
        StringBuilder out = new StringBuilder();
        int from = decoder.decodeEntry(1234, number, six, out);
        decoder.decodeExit(1234, number, six, from, returnValue, out);
        return out.toString();
    }
}
