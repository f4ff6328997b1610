package dev.renacer.testing;

import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.SyscallEvent;

/** Fills SyscallEvents by hand, as the tracer would, for tests of the sinks. */
public final class Events {
    public static final long EPOCH = 1_795_724_296_040_709_000L;   // 2026-11-26T20:18:16.040709Z
    public static final long MONO = 5_000_000_000L;

    private Events() {}

    /** A completed call that started {@code startMicros} after the test's time zero and took {@code nanos}. */
    public static SyscallEvent call(int tid, int number, String args, long ret, String result, long startMicros, long nanos) {
        return exit(entry(tid, number, args, startMicros), "", ret, result, nanos);
    }

    /** A call at its entry stop: arguments decoded so far, no result yet. */
    public static SyscallEvent entry(int tid, int number, String args, long startMicros) {
        SyscallEvent e = new SyscallEvent();
        e.tid = tid;
        e.pid = tid;
        e.number = number;
        for (int i = 0; i < 6; i++) e.args[i] = i + 1;
        e.entryNanos = MONO + startMicros * 1000;
        e.entryEpochNanos = EPOCH + startMicros * 1000;
        e.arguments.append(args);
        e.argumentsDecodedAtEntry = SyscallTable.argumentCount(number); // all decoded at entry, unless a test says otherwise
        return e;
    }

    /** The same event, now at its exit stop, with the arguments decoded at exit appended. */
    public static SyscallEvent exit(SyscallEvent e, String moreArgs, long ret, String result, long nanos) {
        e.arguments.append(moreArgs);
        e.returnValue = ret;
        e.returned = true;
        e.exitNanos = e.entryNanos + nanos;
        e.result.setLength(0);
        e.result.append(result);
        return e;
    }

    /** A call that never returns, such as exit_group: strace's "= ?". */
    public static SyscallEvent noReturn(int tid, int number, String args, long startMicros) {
        SyscallEvent e = entry(tid, number, args, startMicros);
        e.returned = false;
        e.result.append('?');
        return e;
    }
}
