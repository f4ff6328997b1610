package dev.renacer.syscall.decode;

import dev.renacer.syscall.LittleEndian;
import org.agrona.collections.Long2LongHashMap;

/**
 * The length a task's in/out argument had at its call's entry (accept's socklen_t, getsockopt's optlen,
 * recvmsg's msg_namelen), kept until that call's exit, where strace prints it beside the length the call
 * wrote ({@code [110 => 16]}). A task has one call in flight, so its tid is the key. A map that grows rather
 * than forgets, and allocates nothing once it has seen the tasks in flight at one time.
 */
final class EntryLengths {
    /** Nothing remembered: not an int, so no length can be it. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private final Long2LongHashMap byTid = new Long2LongHashMap(UNKNOWN);

    /** At the entry stop: the length read from the tracee, or null when it could not be read. */
    void remember(int tid, byte[] fourBytes) {
        if (fourBytes == null) byTid.remove(tid);
        else byTid.put(tid, LittleEndian.i32(fourBytes, 0));
    }

    /** At the entry stop: a length read out of a larger struct (msghdr's msg_namelen). */
    void remember(int tid, int length) {
        byTid.put(tid, length);
    }

    void forget(int tid) {
        byTid.remove(tid);
    }

    /** At the exit stop, for a decoder printed before the length's own: the length at entry, or UNKNOWN. */
    long peek(int tid) {
        return byTid.get(tid);
    }

    /** At the exit stop, by the decoder printed last: the length at entry, or UNKNOWN, forgotten from then on. */
    long take(int tid) {
        return byTid.remove(tid);
    }
}
