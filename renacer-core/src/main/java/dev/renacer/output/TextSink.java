package dev.renacer.output;

import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;

/**
 * The trace as strace prints it: {@code openat(AT_FDCWD, "/etc", O_RDONLY) = 3}, {@code = } at column
 * 40, signals as {@code --- SIGCHLD {...} ---}, ends as {@code +++ exited with 0 +++}.
 *
 * <p>A call's line is written at its entry stop (so its timestamp and pid prefix are those of the
 * entry, and a blocked call shows, as in strace) and left open until its exit. When another task's
 * line has to be printed in between, the open line is ended with {@code <unfinished ...>} and the call
 * is later completed by a {@code <... NAME resumed>} line carrying the arguments decoded at exit. If
 * the tracer reports a call only at its exit, the whole line is printed then.
 *
 * <p>The pid prefix follows strace 6.1: {@code [pid  1234] } while more than one task is alive, and
 * with {@code -o FILE} under -f {@code 1234  } on every line.
 */
public final class TextSink implements TraceListener {
    /** x86_64 {@code exit}: a thread that makes it without returning is gone (the group lives on). */
    private static final int SYS_EXIT = SyscallTable.number("exit");
    private static final String UNFINISHED_MARK = " <unfinished ...>";
    private static final String UNFINISHED = UNFINISHED_MARK + "\n";
    private static final String DETACHED = " <detached ...>\n";

    private final OutputChannel channel;
    private final Timestamps timestamps;
    private final boolean showDuration;
    private final boolean toFile;
    private final boolean followForks;
    private final TextLayout layout;
    /** strace pads a call's line to this many characters before " = " (one less than -a's column). */
    private final int padding;
    private final TaskTable tasks = new TaskTable();
    private final StringBuilder line = new StringBuilder(512);
    private int openTid;          // task whose entry line is written but not ended, 0 if none
    private int openColumn;       // characters written on that line so far
    private boolean openSeparator; // that line ends with ", " (arguments remain for the exit)
    private final WallClock clock = new WallClock();

    /**
     * @param showDuration  -T
     * @param toFile      -o FILE: strace then prefixes lines with {@code 1234  } instead of {@code [pid  1234] },
     *                    and under -f on every line
     * @param followForks -f
     */
    public TextSink(OutputChannel channel, Timestamps timestamps, boolean showDuration, boolean toFile,
                    boolean followForks) {
        this(channel, timestamps, showDuration, toFile, followForks, TextLayout.defaults(toFile));
    }

    /** @param layout -a, -q / -e quiet= and -e signal=: see {@link TextLayout} */
    public TextSink(OutputChannel channel, Timestamps timestamps, boolean showDuration, boolean toFile,
                    boolean followForks, TextLayout layout) {
        this.channel = channel;
        this.timestamps = timestamps;
        this.showDuration = showDuration;
        this.toFile = toFile;
        this.followForks = followForks;
        this.layout = layout;
        this.padding = layout.column() - 1;
    }

    @Override
    public void onProcessStart(ProcessInfo process) {
        tasks.slot(process.pid(), process.pid());
    }

    @Override
    public void onSyscallEntry(SyscallEvent e) {
        learnClock(e.entryEpochNanos, e.entryNanos);
        int slot = tasks.slot(e.tid, e.pid);
        // The tracer may announce the same entry twice (execve is announced again once the new
        // program is visible): the line is already started, or already marked unfinished.
        if (tasks.entryLength(slot) >= 0 && tasks.pendingNumber(slot) == e.number) return;
        closeOpenLine();
        line.setLength(0);
        leader(e.tid, e.entryEpochNanos, e.entryNanos);
        line.append(e.name()).append('(').append(e.arguments);
        // strace ends the entry part with the separator when arguments remain to be decoded at exit
        openSeparator = e.separatorAfterEntry;
        if (openSeparator) line.append(", ");
        tasks.entryLength(slot, e.arguments.length());
        tasks.pendingNumber(slot, e.number);
        // written now, as strace does, so that a person sees which call a blocked tracee is in
        channel.write(line);
        openColumn = line.length();
        line.setLength(0);
        openTid = e.tid;
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        int slot = tasks.slot(e.tid, e.pid);
        int entryLength = tasks.entryLength(slot);
        int column = 0;
        line.setLength(0);
        if (openTid == e.tid && entryLength >= 0) {
            line.append(e.arguments, restStart(e.arguments, entryLength, openSeparator), e.arguments.length());
            if (!e.returned && e.argumentsRemainAtExit()) line.append(UNFINISHED_MARK);
            column = openColumn;
            openTid = 0;
        } else {
            closeOpenLine();
            line.setLength(0);
            if (tasks.unfinished(slot) && entryLength >= 0) {
                long exitEpoch = e.entryEpochNanos + (e.exitNanos - e.entryNanos);
                leader(e.tid, e.returned ? exitEpoch : nowEpoch(), e.returned ? e.exitNanos : System.nanoTime());
                line.append("<... ").append(e.name()).append(" resumed>");
                line.append(e.arguments, restStart(e.arguments, entryLength, e.separatorAfterEntry), e.arguments.length());
                if (!e.returned && e.argumentsRemainAtExit()) line.append(UNFINISHED_MARK);
            } else {
                learnClock(e.entryEpochNanos, e.entryNanos);
                leader(e.tid, e.entryEpochNanos, e.entryNanos);
                line.append(e.name()).append('(').append(e.arguments);
            }
        }
        tasks.entryLength(slot, -1);
        tasks.unfinished(slot, false);
        line.append(')');
        for (int i = column + line.length(); i < padding; i++) line.append(' ');
        line.append(" = ").append(e.result);
        if (showDuration && e.returned) {
            line.append(" <");
            Digits.seconds(line, e.durationNanos());
            line.append('>');
        }
        line.append('\n');
        channel.write(line);
        if (e.dump.length() > 0) channel.write(e.dump); // -e read= / -e write=
        if (!e.returned && e.number == SYS_EXIT) tasks.remove(e.tid);
    }

    @Override
    public void onSignal(int tid, int pid, int signal, CharSequence siginfo) {
        tasks.slot(tid, pid);
        if (!layout.printsSignal(signal)) return; // -e signal=
        closeOpenLine();
        line.setLength(0);
        leader(tid, nowEpoch(), System.nanoTime());
        line.append("--- ").append(Signals.name(signal)).append(' ').append(siginfo).append(" ---\n");
        channel.write(line);
    }

    /** strace's {@code --- stopped by SIGSTOP ---}: the task entered a group-stop. */
    @Override
    public void onGroupStop(int tid, int pid, int signal) {
        tasks.slot(tid, pid);
        closeOpenLine();
        line.setLength(0);
        leader(tid, nowEpoch(), System.nanoTime());
        line.append("--- stopped by ").append(Signals.name(signal)).append(" ---\n");
        channel.write(line);
    }

    /** strace's {@code +++ superseded by execve in pid N +++} for the leader a thread's execve replaced. */
    @Override
    public void onSuperseded(int leaderTid, int execingTid) {
        closeOpenLine();
        line.setLength(0);
        leader(leaderTid, nowEpoch(), System.nanoTime());
        line.append("+++ superseded by execve in pid ").append(execingTid).append(" +++\n");
        channel.write(line);
        tasks.rename(execingTid, leaderTid);
    }

    /** strace's line, {@code [ Process PID=1234 runs in 32 bit mode. ]}; not under -q (which strace implies for -o FILE PROG). */
    @Override
    public void onAbiChange(int tid, int pid, boolean i386) {
        if (!layout.personality()) return;
        tasks.slot(tid, pid);
        closeOpenLine();
        line.setLength(0);
        leader(tid, nowEpoch(), System.nanoTime());
        line.append("[ Process PID=").append(tid).append(" runs in ").append(i386 ? "32" : "64").append(" bit mode. ]\n");
        channel.write(line);
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        writeExit(pid, pid, exitCode, termSignal, coreDumped);
        tasks.removeProcess(pid);
    }

    @Override
    public void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        writeExit(tid, pid, exitCode, termSignal, coreDumped);
        tasks.remove(tid);
    }

    private void writeExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        // -qq hides exits, -e signal= the deaths by signals it leaves out (and then nothing else is written)
        if (termSignal == 0 ? !layout.exits() : !layout.printsSignal(termSignal)) return;
        closeOpenLine();
        tasks.slot(tid, pid);
        line.setLength(0);
        leader(tid, nowEpoch(), System.nanoTime());
        if (termSignal == 0) {
            line.append("+++ exited with ").append(exitCode).append(" +++\n");
        } else {
            line.append("+++ killed by ").append(Signals.name(termSignal));
            if (coreDumped) line.append(" (core dumped)");
            line.append(" +++\n");
        }
        channel.write(line);
    }

    @Override
    public void onDetach(int pid) {
        // as strace's droptcb: only the let-go process's own open line (-b execve lets go of one task of many)
        if (openTid != 0 && tasks.pid(tasks.slot(openTid, openTid)) == pid) {
            // as strace: the call the process was in when renacer let go ends with <detached ...>
            openTid = 0;
            channel.write(DETACHED);
        }
        tasks.removeProcess(pid);
    }

    @Override
    public void onFinish() {
        closeOpenLine();
        channel.flush();
    }

    /** Ends the entry line another task left open with strace's marker. */
    private void closeOpenLine() {
        if (openTid == 0) return;
        int slot = tasks.slot(openTid, openTid);
        tasks.unfinished(slot, true);
        openTid = 0;
        channel.write(UNFINISHED);
    }

    /** Where the arguments decoded at exit begin, past the separator if the entry line already printed it. */
    private static int restStart(StringBuilder arguments, int entryLength, boolean separatorPrinted) {
        int from = Math.min(entryLength, arguments.length());
        if (separatorPrinted && from > 0 && from + 1 < arguments.length()
                && arguments.charAt(from) == ',' && arguments.charAt(from + 1) == ' ') {
            from += 2;
        }
        return from;
    }

    private void leader(int tid, long epochNanos, long monotonicNanos) {
        if (toFile && (followForks || tasks.live() > 1)) {
            line.append(tid);
            for (int i = Digits.count(tid); i < 5; i++) line.append(' ');
            line.append(' ');
        } else if (!toFile && tasks.live() > 1) {
            line.append("[pid ");
            Digits.padLeft(line, tid, 5, ' ');
            line.append("] ");
        }
        if (timestamps.enabled()) timestamps.append(line, epochNanos, monotonicNanos);
    }

    private void learnClock(long epochNanos, long monotonicNanos) {
        clock.learn(epochNanos, monotonicNanos);
    }

    private long nowEpoch() {
        return clock.epochNanos(System.nanoTime());
    }
}
