package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Shell;
import dev.renacer.testing.SideBySide;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.renacer.testing.Shell.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the command is started and let go, against strace 6.1: -E's changes to its environment, -u's user
 * and groups, -b execve letting go of a task at its execve, --seccomp-bpf's warnings, and each option's bad input.
 */
class LaunchOptionsAgainstStraceIT {

    @Test
    void dashEChangesTheCommandsEnvironmentAsStraceDoes() throws Exception {
        String options = "-E FOO=1 -E HOME -E PATH=/nowhere -E FOO=2 -E LANG -E BAR=x=y -e trace=none";
        Shell.Result strace = Shell.run("FOO=0 LANG=C " + Strace.executable() + " " + options + " env");
        Shell.Result renacer = Shell.run("FOO=0 LANG=C " + quote(Shell.launcher()) + " " + options + " env");
        assertThat(strace.out()).contains("FOO=2\n").contains("PATH=/nowhere\n").doesNotContain("HOME=").doesNotContain("LANG=");
        assertThat(renacer.out()).isEqualTo(strace.out());
    }

    /**
     * --seccomp-bpf is parsed as strace parses it: disabled with strace's warning without -f or with -b (and nothing
     * more said), the trace unchanged.
     */
    @Test
    void seccompBpfWarnsAsStraceAndTracesTheSame() throws Exception {
        for (List<String> flags : List.of(List.of("--seccomp-bpf"), List.of("--seccomp-bpf", "-f", "-b", "execve"),
                List.of("-f", "--seccomp-bpf", "-e", "trace=openat,exit_group"))) {
            List<String> command = List.of("cat", "/etc/hostname");
            SideBySide.Run strace = SideBySide.strace(flags, command);
            SideBySide.Run renacer = SideBySide.renacer(flags, command);
            assertThat(renacer.exitCode()).as("%s", flags).isEqualTo(strace.exitCode()).isZero();
            assertThat(renacer.stderr().lines().map(l -> l.replaceFirst("^renacer: ", "")).toList()).as("%s", flags)
                    .isEqualTo(strace.stderr().lines().map(l -> l.replaceFirst("^\\S*strace: ", "")).toList());
            List<String> expected = strace.lines("trace");
            List<String> actual = renacer.lines("trace");
            Set<String> pids = SideBySide.pids(expected, actual);
            assertThat(SideBySide.masked(actual, pids)).as("%s", flags).containsExactlyElementsOf(SideBySide.masked(expected, pids));
        }
    }

    @Test
    void dashURunsTheCommandAsTheUserWithItsGroups() throws Exception {
        String command = "-e trace=none -u nobody -- id";
        Shell.Result strace = Shell.run(Strace.executable() + " " + command);
        Shell.Result renacer = Shell.run(quote(Shell.launcher()) + " " + command);
        assertThat(strace.out()).startsWith("uid=65534(nobody)");
        assertThat(renacer.out()).isEqualTo(strace.out());
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode()).isZero();
    }

    @Test
    void dashUIsRefusedForAnUnknownUserAndWhenNotRoot() throws Exception {
        Renacer.Run unknown = Renacer.run(List.of("-u", "renacer-no-such-user", "--", "true"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderrLines()).containsExactly("renacer: Cannot find user 'renacer-no-such-user'");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Shell.Result notRoot = Shell.run("runuser -u nobody -- " + quote(java) + " -jar " + quote(Fixtures.renacerJar())
                + " -u root true");
        assertThat(notRoot.exitCode()).isEqualTo(2);
        assertThat(notRoot.err()).isEqualTo("renacer: You must be root to use the -u/--username option\n");
    }

    @Test
    void dashBExecveLetsGoOfEachTaskAtItsExecve() throws Exception {
        List<String> flags = List.of("-ff", "-b", "execve");
        List<String> command = List.of(Fixtures.path("fork_exec"), "/bin/echo", "hi");
        SideBySide.Run strace = SideBySide.strace(flags, command);
        SideBySide.Run renacer = SideBySide.renacer(flags, command);
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode());
        // unordered: whether the let-go child's SIGCHLD comes before or after the parent's wait4 is the program's own race
        List<String> straceFiles = SideBySide.assertSameTaskFiles(strace, renacer, 3, false);
        assertThat(strace.lines(straceFiles.get(1))).last().asString().endsWith(" <detached ...>");
    }

    /**
     * -D: the command is the caller's own child, not the tracer's, keeps renacer's pid and ends with its own exit
     * status; the trace, written by the tracer in the background, is strace -D's.
     */
    @Test
    void dashDMakesTheCommandTheCallersChildAndTracesItAsStraceDoes() throws Exception {
        Path dir = Files.createTempDirectory("renacer-daemon");
        String script = "printf 'parent=%s\\n' \"$PPID\"; exit 3";
        for (String level : new String[] {"-D", "-DD", "-DDD"}) {
            Path straceTrace = dir.resolve("strace" + level + ".txt");
            Path renacerTrace = dir.resolve("renacer" + level + ".txt");
            Shell.Result strace = Shell.run(Strace.executable() + " " + level + " -o " + quote(straceTrace) + " sh -c "
                    + quote(script) + "; echo status=$? caller=$$");
            Shell.Result renacer = Shell.run(quote(Shell.launcher()) + " " + level + " -o " + quote(renacerTrace) + " sh -c "
                    + quote(script) + "; echo status=$? caller=$$");
            assertThat(strace.out()).as("strace %s", level).matches("parent=(\\d+)\nstatus=3 caller=\\1\n");
            assertThat(renacer.out()).as("renacer %s", level).matches("parent=(\\d+)\nstatus=3 caller=\\1\n");
            assertThat(Renacer.awaitLine(straceTrace, "+++ exited with 3 +++")).isTrue();
            assertThat(Renacer.awaitLine(renacerTrace, "+++ exited with 3 +++")).as("the tracer finished").isTrue();
            List<String> expected = Files.readAllLines(straceTrace);
            List<String> actual = Files.readAllLines(renacerTrace);
            Set<String> pids = SideBySide.pids(expected, actual);
            assertThat(SideBySide.masked(actual, pids)).as(level).containsExactlyElementsOf(SideBySide.masked(expected, pids));
            Files.delete(straceTrace);
            Files.delete(renacerTrace);
        }
        Files.delete(dir);
    }

    @Test
    void dashDWithABadOptionIsRefusedByTheTracerAndNothingRuns() throws Exception {
        Path marker = Files.createTempDirectory("renacer").resolve("ran");
        Shell.Result run = Shell.run(quote(Shell.launcher()) + " -D -e status=bogus touch " + quote(marker) + "; echo status=$?; sleep 1");
        assertThat(run.out()).isEqualTo("status=2\n");
        assertThat(run.err()).isEqualTo("renacer: invalid status 'bogus'\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void badLaunchOptionsAreOneLineAndExit2() throws Exception {
        Renacer.Run b = Renacer.run(List.of("-b", "exit", "true"));
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.stderrLines()).containsExactly("renacer: Syscall 'exit' for -b isn't supported");
        Renacer.Run d = Renacer.run(List.of("-D", "-p", "1"));
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.stderrLines()).containsExactly("renacer: PROG [ARGS] must be specified with -D/--daemonize");
    }
}
