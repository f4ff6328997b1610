package dev.renacer.testing;

import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import java.util.List;

/**
 * Drives a listener the way the tracer does, for the tests that must not depend on ptrace: a parent
 * (pid 100, two threads) that forks a child (pid 101); every fifth call fails with ENOENT.
 */
public final class SyntheticTrace {
    public static final int PARENT = 100;
    public static final int CHILD = 101;
    private static final int OPENAT = SyscallTable.number("openat");
    public final int parentCalls;
    public final int childCalls;
    public int failedCalls;

    public SyntheticTrace(int parentCalls, int childCalls) {
        this.parentCalls = parentCalls;
        this.childCalls = childCalls;
    }

    public int totalSyscalls() {
        return parentCalls + childCalls;
    }

    /** Syscall spans plus the two process spans. */
    public int totalSpans() {
        return totalSyscalls() + 2;
    }

    public void run(TraceListener listener) {
        long t0 = 1_700_000_000_000_000_000L;
        listener.onProcessStart(new ProcessInfo(PARENT, 0, "/usr/bin/app", List.of("app", "-x", "in put"), "app", t0, false));
        SyscallEvent e = new SyscallEvent();
        int call = 0;
        for (int i = 0; i < parentCalls; i++) {
            if (i == parentCalls / 2) {
                listener.onProcessStart(new ProcessInfo(CHILD, PARENT, "/usr/bin/kid", List.of("kid"), "kid", t0 + 10_000 + i, false));
                for (int j = 0; j < childCalls; j++) emit(listener, e, CHILD, CHILD, call++, t0);
                listener.onProcessExit(CHILD, 0, 0, false);
            }
            emit(listener, e, PARENT, i % 3 == 0 ? PARENT + 2 : PARENT, call++, t0);
        }
        listener.onProcessExit(PARENT, 3, 0, false);
        listener.onFinish();
    }

    private void emit(TraceListener listener, SyscallEvent e, int pid, int tid, int call, long t0) {
        e.pid = pid;
        e.tid = tid;
        e.number = call % 7 == 0 ? OPENAT : call % 50; // and a spread over the first 50 of the table
        e.entryNanos = 1000L * call;
        e.exitNanos = e.entryNanos + 500;
        e.entryEpochNanos = t0 + 1000L * call;
        e.returned = true;
        e.arguments.setLength(0);
        e.arguments.append("AT_FDCWD, \"/etc/file").append(call).append("\", O_RDONLY");
        e.result.setLength(0);
        if (call % 5 == 4) {
            e.returnValue = -2;
            e.result.append("-1 ENOENT (No such file or directory)");
            failedCalls++;
        } else {
            e.returnValue = 3;
            e.result.append('3');
        }
        listener.onSyscallEntry(e);
        listener.onSyscall(e);
    }
}
