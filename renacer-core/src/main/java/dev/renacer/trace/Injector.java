package dev.renacer.trace;

import dev.renacer.filter.InjectAction;
import dev.renacer.filter.InjectTable;
import dev.renacer.syscall.Errno;

import java.io.PrintStream;

import static dev.renacer.linux.Ptrace.*;

/**
 * -e inject= and -e fault=, as strace 6.1 tampers with a call (syscall.c): at the entry stop of a traced
 * call whose turn it is (when=, counted per task), the syscall number is rewritten to -1 (or to the
 * harmless syscall= one) so that the kernel runs nothing, a signal may be sent, the task may be held;
 * at the exit stop the return value is rewritten to -ERRNO or to retval=, and the line says
 * {@code (INJECTED)} and {@code (DELAYED)}. Calls through the i386 ABI are left alone. Allocates nothing
 * per call once a task's counters exist.
 */
final class Injector {
    private final InjectTable table;
    private final PrintStream diagnostics;

    Injector(InjectTable table, PrintStream diagnostics) {
        this.table = table;
        this.diagnostics = diagnostics;
    }

    boolean active() {
        return !table.isEmpty();
    }

    /**
     * At the entry stop of a traced call: tampers with it if its turn has come.
     *
     * @return the signal to restart the task with (signal=), 0 for none
     */
    int onEntry(Task task, SyscallEvent e) {
        task.tampered = false;
        task.tamperedNoFail = false;
        task.delayed = false;
        task.holdAfterExitNanos = -1;
        task.holdNanos = -1;
        int slot = table.slot(e.number);
        if (slot < 0) return 0;
        if (task.injectCounters == null) task.injectCounters = table.counters(); // strace copies its counters per task
        if (!table.fires(slot, task.injectCounters)) return 0;
        InjectAction action = table.action(slot);
        if (action.tampersWithResult()) {
            long number = action.replacementSyscall() >= 0 ? action.replacementSyscall() : -1;
            if (task.work.ptrace(PTRACE_POKEUSER, task.tid, USER_OFF_ORIG_RAX, number) == 0) {
                task.tampered = true;
                task.tamperedNoFail = number != -1;
                task.injectSlot = slot;
            }
        }
        if (action.delayEnterNanos() >= 0) {
            task.holdNanos = action.delayEnterNanos();
            task.delayed = true;
        }
        if (action.delayExitNanos() >= 0) {
            task.holdAfterExitNanos = action.delayExitNanos();
            task.delayed = true;
        }
        return action.signal();
    }

    /**
     * At the exit stop: the injected result replaces the kernel's, in the tracee and in {@code rval}'s place.
     *
     * @return the call's return value as the tracee now sees it
     */
    long onExit(Task task, long rval) {
        if (task.holdAfterExitNanos >= 0) {
            task.holdNanos = task.holdAfterExitNanos;
            task.holdAfterExitNanos = -1;
        }
        if (!task.tampered) return rval;
        task.tampered = false;
        boolean failed = Errno.isError(rval);
        if (failed == task.tamperedNoFail) {
            // the kernel did not do what the rewritten number should have made it do
            diagnostics.println("renacer: Failed to tamper with process " + task.tid + ": unexpectedly got "
                    + (task.tamperedNoFail ? "" : "no ") + "error (return value "
                    + (failed ? "0xffffffffffffffff" : rval == 0 ? "0" : "0x" + Long.toHexString(rval))
                    + ", error " + (failed ? -rval : 0) + ")");
            task.injectedResult = false;
            return rval;
        }
        InjectAction action = table.action(task.injectSlot);
        long injected = action.setsRetval() ? action.retval() : -action.errno();
        task.work.ptrace(PTRACE_POKEUSER, task.tid, USER_OFF_RAX, injected);
        task.injectedResult = true;
        return injected;
    }

    /** Appends strace's notes after the result: {@code (INJECTED)}, {@code (DELAYED)}. */
    static void appendNotes(Task task, StringBuilder result) {
        if (task.injectedResult) result.append(" (INJECTED)");
        if (task.delayed) result.append(" (DELAYED)");
        task.injectedResult = false;
        task.delayed = false;
    }
}
