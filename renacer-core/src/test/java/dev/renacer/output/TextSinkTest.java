package dev.renacer.output;

import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TimeZone;

import static dev.renacer.testing.Events.call;
import static dev.renacer.testing.Events.entry;
import static dev.renacer.testing.Events.exit;
import static dev.renacer.testing.Events.noReturn;
import static org.assertj.core.api.Assertions.assertThat;

class TextSinkTest {
    private static final int OPENAT = SyscallTable.number("openat"), WAIT4 = SyscallTable.number("wait4"), GETPID = SyscallTable.number("getpid"),
            EXIT_GROUP = SyscallTable.number("exit_group"), EXIT = SyscallTable.number("exit"), READ = SyscallTable.number("read");
    private final Capture out = new Capture();
    private final TimeZone utc = TimeZone.getTimeZone("UTC");

    private TextSink sink(int t, boolean r, boolean durations) {
        return new TextSink(out.channel, new Timestamps(t, r, utc), durations, false, true);
    }

    private static String n(int number) {
        return SyscallTable.name(number);
    }

    /** strace pads "NAME(ARGS)" to 39 columns and then writes " = ". */
    private static String aligned(String call, String result) {
        return String.format("%-39s = %s%n", call, result);
    }

    @Test
    void alignsTheResultAtColumn40LikeStrace() {
        TextSink s = sink(0, false, false);
        s.onSyscall(call(100, GETPID, "", 100, "100", 0, 1000));
        s.onSyscall(call(100, OPENAT, "AT_FDCWD, \"/nonexistent/with/a/long/path/name\", O_RDONLY", -2,
                "-1 ENOENT (No such file or directory)", 5, 1000));
        s.onSyscall(noReturn(100, EXIT_GROUP, "0", 9));
        s.onProcessExit(100, 0, 0, false);
        assertThat(out.text()).isEqualTo(
                aligned(n(GETPID) + "()", "100")
                + n(OPENAT) + "(AT_FDCWD, \"/nonexistent/with/a/long/path/name\", O_RDONLY) = -1 ENOENT (No such file or directory)\n"
                + aligned(n(EXIT_GROUP) + "(0)", "?")
                + "+++ exited with 0 +++\n");
        assertThat(out.text().lines().findFirst().orElseThrow().indexOf(" = ")).isEqualTo(39);
    }

    @Test
    void dashCapitalTAppendsTheDurationInSecondsWithSixDecimals() {
        TextSink s = sink(0, false, true);
        s.onSyscall(call(100, GETPID, "", 100, "100", 0, 123_456));
        s.onSyscall(call(100, GETPID, "", 100, "100", 0, 2_000_001_999));
        s.onSyscall(noReturn(100, EXIT_GROUP, "0", 9));
        assertThat(out.text()).isEqualTo(aligned(n(GETPID) + "()", "100 <0.000123>")
                + aligned(n(GETPID) + "()", "100 <2.000001>") + aligned(n(EXIT_GROUP) + "(0)", "?"));
    }

    @Test
    void timestampPrefixesMatchStraceForEachLevel() {
        String[] expected = {
                "20:18:16 ", "20:18:16.040709 ", "1795724296.040709 ", "     0.000000 "};
        for (int level = 1; level <= 4; level++) {
            Capture c = new Capture();
            TextSink s = new TextSink(c.channel, new Timestamps(level == 4 ? 0 : level, level == 4, utc), false, false, false);
            s.onSyscall(call(7, GETPID, "", 7, "7", 0, 10));
            assertThat(c.text()).startsWith(expected[level - 1] + n(GETPID) + "()");
            assertThat(c.text().indexOf(" = ")).as("alignment counts the prefix, as in strace").isEqualTo(39);
        }
    }

    @Test
    void relativeTimestampsMeasureFromThePreviousLine() {
        TextSink s = sink(0, true, false);
        s.onSyscall(call(7, GETPID, "", 7, "7", 0, 10));
        s.onSyscall(call(7, GETPID, "", 7, "7", 1_250_000, 10));
        s.onSyscall(call(7, GETPID, "", 7, "7", 1_250_417, 10));
        assertThat(out.text().lines().map(l -> l.substring(0, 14)).toList())
                .containsExactly("     0.000000 ", "     1.250000 ", "     0.000417 ");
    }

    @Test
    void absoluteAndRelativeTogetherPrintBothAsStrace61Does() {
        TextSink s = sink(1, true, false);
        s.onSyscall(call(7, GETPID, "", 7, "7", 0, 10));
        assertThat(out.text()).startsWith("20:18:16 (+     0.000000) " + n(GETPID) + "()");
    }

    @Test
    void prefixesThePidWhileMoreThanOneTaskIsAlive() {
        TextSink s = sink(0, false, false);
        s.onProcessStart(process(100));
        s.onSyscall(call(100, GETPID, "", 100, "100", 0, 10));
        s.onProcessStart(process(101));
        s.onSyscall(call(101, GETPID, "", 101, "101", 1, 10));
        s.onSyscall(call(100, GETPID, "", 100, "100", 2, 10));
        s.onProcessExit(101, 7, 0, false);
        s.onSyscall(call(100, GETPID, "", 100, "100", 3, 10));
        assertThat(out.text()).isEqualTo(aligned(n(GETPID) + "()", "100")
                + aligned("[pid   101] " + n(GETPID) + "()", "101")
                + aligned("[pid   100] " + n(GETPID) + "()", "100")
                + "[pid   101] +++ exited with 7 +++\n"
                + aligned(n(GETPID) + "()", "100"));
    }

    @Test
    void withOutputFileAndForksEveryLineStartsWithThePid() {
        TextSink s = new TextSink(out.channel, new Timestamps(0, false, utc), false, true, true);
        s.onProcessStart(process(4242));
        s.onSyscall(call(4242, GETPID, "", 4242, "4242", 0, 10));
        assertThat(out.text()).isEqualTo(aligned("4242  " + n(GETPID) + "()", "4242"));
    }

    @Test
    void interleavedCallsAreSplitIntoUnfinishedAndResumedLines() {
        TextSink s = sink(0, false, false);
        s.onProcessStart(process(100));
        s.onProcessStart(process(101));
        SyscallEvent parent = entry(100, WAIT4, "101", 0);
        parent.argumentsDecodedAtEntry = 1;
        parent.separatorAfterEntry = true;
        s.onSyscallEntry(parent);
        SyscallEvent child = entry(101, GETPID, "", 1);
        s.onSyscallEntry(child);
        s.onSyscall(exit(child, "", 101, "101", 10));
        s.onSyscall(noReturn(101, EXIT_GROUP, "7", 2));
        s.onProcessExit(101, 7, 0, false);
        s.onSyscall(exit(parent, ", [{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL", 101, "101", 5000));
        assertThat(out.text()).isEqualTo(
                "[pid   100] " + n(WAIT4) + "(101,  <unfinished ...>\n"
                + aligned("[pid   101] " + n(GETPID) + "()", "101")
                + aligned("[pid   101] " + n(EXIT_GROUP) + "(7)", "?")
                + "[pid   101] +++ exited with 7 +++\n"
                + aligned("<... " + n(WAIT4) + " resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL)", "101"));
    }

    @Test
    void anEntryFollowedByItsOwnExitIsOneLine() {
        TextSink s = sink(0, false, false);
        SyscallEvent e = entry(100, READ, "3", 0);
        e.argumentsDecodedAtEntry = 1;
        e.separatorAfterEntry = true;
        s.onSyscallEntry(e);
        s.onSyscall(exit(e, ", \"abc\", 4096", 3, "3", 10));
        assertThat(out.text()).isEqualTo(aligned(n(READ) + "(3, \"abc\", 4096)", "3"));
    }

    @Test
    void anEntryAnnouncedTwiceIsPrintedOnce() {
        TextSink s = sink(0, false, false);
        SyscallEvent e = entry(100, 59, "\"/bin/true\", [\"true\"], 0x7ffd /* 3 vars */", 0);
        s.onSyscallEntry(e);
        s.onSyscallEntry(e);
        s.onSyscall(exit(e, "", 0, "0", 10));
        assertThat(out.text()).isEqualTo(aligned(n(59) + "(\"/bin/true\", [\"true\"], 0x7ffd /* 3 vars */)", "0"));
    }

    @Test
    void signalsAndDeathsLookLikeStrace() {
        TextSink s = sink(0, false, false);
        s.onSignal(100, 100, 17, "{si_signo=SIGCHLD, si_code=CLD_EXITED}");
        s.onProcessExit(100, 0, 9, false);
        s.onProcessExit(101, 0, 11, true);
        assertThat(out.text()).isEqualTo("--- " + Signals.name(17) + " {si_signo=SIGCHLD, si_code=CLD_EXITED} ---\n"
                + "+++ killed by " + Signals.name(9) + " +++\n"
                + "+++ killed by " + Signals.name(11) + " (core dumped) +++\n");
    }

    @Test
    void aThreadThatCallsExitLeavesTheTaskCount() {
        TextSink s = sink(0, false, false);
        s.onProcessStart(process(100));
        s.onSyscall(call(101, GETPID, "", 100, "100", 0, 10));
        s.onSyscall(noReturn(101, EXIT, "0", 1));
        s.onSyscall(call(100, GETPID, "", 100, "100", 2, 10));
        assertThat(out.text().lines().toList()).last().asString().startsWith(n(GETPID));
    }

    private static ProcessInfo process(int pid) {
        return new ProcessInfo(pid, 0, "/bin/x", List.of("x"), "x", 0, false);
    }

    @Test
    void aTaskKilledInACallWithArgumentsLeftShowsUnfinishedWhereTheyWouldBe() {
        // strace: clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=30, tv_nsec=0},  <unfinished ...>) = ?
        int sleep = SyscallTable.number("clock_nanosleep");
        TextSink s = sink(0, false, false);
        s.onProcessStart(process(100));
        SyscallEvent e = entry(100, sleep, "CLOCK_REALTIME, 0, {tv_sec=30, tv_nsec=0}", 0);
        e.argumentsDecodedAtEntry = 3;
        e.separatorAfterEntry = true;
        s.onSyscallEntry(e);
        e.returned = false;
        e.result.append('?');
        s.onSyscall(e);
        s.onProcessExit(100, 0, 9, false);
        assertThat(out.text()).isEqualTo(aligned(n(sleep) + "(CLOCK_REALTIME, 0, {tv_sec=30, tv_nsec=0},  <unfinished ...>)", "?")
                + "+++ killed by SIGKILL +++\n");
    }

    @Test
    void aResumedCallKeepsTheSeparatorItsEntryDidNotPrint() {
        // strace: clone3({...} <unfinished ...> then <... clone3 resumed>, 88) = 102
        int clone3 = SyscallTable.number("clone3");
        TextSink s = sink(0, false, false);
        s.onProcessStart(process(100));
        s.onProcessStart(process(101));
        SyscallEvent parent = entry(100, clone3, "{flags=CLONE_VM, stack_size=0x9000}", 0);
        parent.argumentsDecodedAtEntry = 1;
        parent.separatorAfterEntry = false;
        s.onSyscallEntry(parent);
        s.onSyscall(call(101, GETPID, "", 101, "101", 1, 10));
        s.onSyscall(exit(parent, ", 88", 102, "102", 100));
        assertThat(out.text()).isEqualTo("[pid   100] " + n(clone3) + "({flags=CLONE_VM, stack_size=0x9000} <unfinished ...>\n"
                + aligned("[pid   101] " + n(GETPID) + "()", "101")
                + aligned("[pid   100] <... " + n(clone3) + " resumed>, 88)", "102"));
    }

    @Test
    void aGroupStopIsALineAsInStrace() {
        TextSink s = sink(0, false, false);
        s.onGroupStop(100, 100, Signals.number("SIGSTOP"));
        assertThat(out.text()).isEqualTo("--- stopped by SIGSTOP ---\n");
    }

    @Test
    void aThreadsExecveSupersedesTheLeaderWhoseCallEndsUnreturned() {
        // strace -f -o: the leader's "<... futex resumed>) = ?", "+++ superseded by execve in pid 101 +++",
        // then the execve, now under the leader's tid, "<... execve resumed>) = 0"
        int futex = SyscallTable.number("futex"), execve = SyscallTable.number("execve");
        TextSink s = new TextSink(out.channel, new Timestamps(0, false, utc), false, true, true);
        s.onProcessStart(process(100));
        SyscallEvent wait = entry(100, futex, "0x7f00, FUTEX_WAIT, 101, NULL", 0);
        s.onSyscallEntry(wait);
        SyscallEvent exec = entry(101, execve, "\"/bin/x\", [\"x\"], 0x7ffc /* 3 vars */", 1);
        exec.pid = 100;
        s.onSyscallEntry(exec);
        wait.returned = false;
        wait.result.append('?');
        s.onSyscall(wait);
        s.onSuperseded(100, 101);
        exec.tid = 100;
        s.onSyscall(exit(exec, "", 0, "0", 100));
        assertThat(out.text()).isEqualTo("100   " + n(futex) + "(0x7f00, FUTEX_WAIT, 101, NULL <unfinished ...>\n"
                + "101   " + n(execve) + "(\"/bin/x\", [\"x\"], 0x7ffc /* 3 vars */ <unfinished ...>\n"
                + aligned("100   <... " + n(futex) + " resumed>)", "?")
                + "100   +++ superseded by execve in pid 101 +++\n"
                + aligned("100   <... " + n(execve) + " resumed>)", "0"));
    }
}
