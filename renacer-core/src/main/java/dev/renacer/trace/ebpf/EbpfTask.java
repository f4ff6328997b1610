package dev.renacer.trace.ebpf;

import dev.renacer.trace.SyscallEvent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A followed task as user space knows it. */
final class EbpfTask {
    final int tid;
    final int pid;
    final SyscallEvent event = new SyscallEvent();
    boolean inCall;
    /** Still the launch trampoline: its execve's entry is announced once the exec succeeds. */
    boolean hidden;
    boolean heldEntry;
    /**
     * The entry record is kept here, not decoded yet: a string was not readable at entry (its page not
     * faulted in), and the exit (or exec) record brings it, read again.
     */
    boolean pendingDecode;
    ByteBuffer held = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
    int heldLength;
    /**
     * A signal the task ignores, discarded by the kernel when it was sent (0: none), and its siginfo:
     * printed at the task's next syscall boundary, after the call it is in or before its next one,
     * where ptrace, which makes a traced task ignore nothing, delivers it.
     */
    int ignoredSignal;
    final byte[] ignoredSiginfo = new byte[Records.SIGINFO_SIZE];

    void hold(ByteBuffer ring, int offset, int length) {
        if (held.capacity() < length) held = ByteBuffer.allocate(Math.max(length, 2 * held.capacity())).order(ByteOrder.LITTLE_ENDIAN);
        ring.get(offset, held.array(), 0, length);
        heldLength = length;
        pendingDecode = true;
    }

    EbpfTask(int tid, int pid) {
        this.tid = tid;
        this.pid = pid;
        event.tid = tid;
        event.pid = pid;
    }
}
