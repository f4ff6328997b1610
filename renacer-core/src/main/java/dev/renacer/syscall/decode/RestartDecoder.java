package dev.renacer.syscall.decode;

import dev.renacer.syscall.SyscallTable;
import org.agrona.collections.Int2IntHashMap;

/**
 * restart_syscall's {@code <... resuming interrupted clock_nanosleep ...>}. The kernel restarts a call that a
 * signal interrupted (a sleep, a futex wait) as restart_syscall, whose registers do not say which call it
 * resumes; strace names the call the task made before it, the last one it printed the exit of (its
 * s_prev_ent). The decoder sees the same exits, so it keeps that per task: the only state it holds from one
 * call to the next, one int per task, dropped when the task enters exit or exit_group.
 */
final class RestartDecoder implements ArgDecoder {
    private static final int NONE = -1;
    private static final int EXIT = SyscallTable.number("exit"), EXIT_GROUP = SyscallTable.number("exit_group");

    /** tid to the number of its last decoded call; grows with the tasks alive at once, allocates nothing after. */
    private final Int2IntHashMap previous = new Int2IntHashMap(NONE);

    /** At every entry the decoder sees: a task that is leaving forgets its previous call. */
    void entered(int tid, int number) {
        if (number == EXIT || number == EXIT_GROUP) previous.remove(tid);
    }

    /** At every exit the decoder sees. */
    void exited(int tid, int number) {
        previous.put(tid, number);
    }

    @Override public void append(Call c, int i, StringBuilder out) {
        int number = previous.get(c.tid);
        out.append("<... resuming interrupted ");
        out.append(number == NONE ? "system call" : SyscallTable.name(number));
        out.append(" ...>");
    }
}
