package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracing changes nothing the program sees: exit status, signals, argv[0], environment, stdio. */
class ExitStatusIT {

    @ParameterizedTest
    @CsvSource({
            "exit_status, '', 3",
            "exit_status, 42, 42",
            "killed, '', 137",
            "killed, 15, 143",
            "signals, '', 0",
            "stop_cont, '', 0",
            "fork_exec, '', 0"})
    void exitStatusIsTheTracees(String fixture, String arg, int expected) throws Exception {
        for (boolean follow : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>();
            if (follow) args.add("-f");
            args.add("--");
            args.add(Fixtures.path(fixture));
            if (!arg.isEmpty()) args.add(arg);
            Renacer.Run run = Renacer.run(args);
            assertThat(run.exitCode()).as("%s %s (-f %s): %s", fixture, arg, follow, run.stderr()).isEqualTo(expected);
        }
    }

    @Test
    void signalsReachTheTraceeExactlyOnce() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-f", "--", Fixtures.path("signals")));
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("signals: all delivered\n");
    }

    @Test
    void argv0AndEnvironmentAreUnchanged() throws Exception {
        Map<String, String> env = Map.of("RENACER_TEST_VAR", "a b=c");
        Renacer.Run traced = Renacer.run(List.of("--", "env"), env);
        ProcessBuilder pb = new ProcessBuilder("env").redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String untraced = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        // renacer runs under `java -jar`: the one variable a shell would set differently is "_"
        assertThat(withoutUnderscore(traced.stdout())).isEqualTo(withoutUnderscore(untraced));
        assertThat(traced.stdout()).contains("RENACER_TEST_VAR=a b=c");

        Renacer.Run cmdline = Renacer.run(List.of("--", "cat", "/proc/self/cmdline"));
        assertThat(cmdline.stdout()).isEqualTo("cat\0/proc/self/cmdline\0");
    }

    @Test
    void signalMaskDispositionsAndDescriptorsAreAnUntracedProgramsOnes() throws Exception {
        // the JVM thread that spawns the tracee blocks SIGQUIT, ignores signals 32-33 and holds
        // dozens of descriptors open: none of that may reach the traced program
        String script = "grep -E '^Sig(Blk|Ign)' /proc/self/status; ls /proc/self/fd | wc -l";
        Renacer.Run traced = Renacer.run(List.of("--", "sh", "-c", script));
        Process p = new ProcessBuilder("sh", "-c", script).start();
        String untraced = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        // ProcessBuilder's own children also inherit the JVM's ignored 32-33: compare signals 1-31 with
        // it, and expect what a shell gives, no real-time signal ignored
        assertThat(traced.stdout()).contains("SigBlk:\t0000000000000000");
        long tracedIgnored = ignoredMask(traced.stdout());
        assertThat(tracedIgnored & ~0x7fffffffL).isZero();
        assertThat(tracedIgnored).isEqualTo(ignoredMask(untraced) & 0x7fffffffL);
        assertThat(traced.stdout().lines().skip(2).toList()).isEqualTo(untraced.lines().skip(2).toList());
    }

    @Test
    void descriptorsPassedToTheLauncherReachTheCommandAsUnderStrace() throws Exception {
        // `renacer -- cmd 3<file`: the ./renacer launcher lists what it inherited (3 and 7 here, not the
        // JVM's own descriptors), and the traced command gets exactly those, as untraced and under strace
        Path launcher = Fixtures.renacerJar().toAbsolutePath().getParent().getParent().getParent().resolve("renacer");
        String redirections = " 3</etc/hostname 7>>/dev/null";
        String untraced = descriptors("ls -l /proc/self/fd" + redirections);
        assertThat(untraced).contains("3 /etc/hostname").contains("7 /dev/null");
        assertThat(descriptors("'" + launcher + "' -o /dev/null -- ls -l /proc/self/fd" + redirections)).isEqualTo(untraced);
        assertThat(descriptors("strace -o /dev/null -- ls -l /proc/self/fd" + redirections)).isEqualTo(untraced);
    }

    @Test
    void theLauncherKeepsTheCallersEnvironmentOrder() throws Exception {
        // dash, which runs the ./renacer launcher, re-orders the environment when it execs java; the
        // traced command must still get the order renacer's caller had, as under strace
        Path launcher = Fixtures.renacerJar().toAbsolutePath().getParent().getParent().getParent().resolve("renacer");
        List<String> environment = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH")));
        for (String name : List.of("ZETA", "YOTA", "XI", "OMEGA", "MU", "KAPPA", "GAMMA", "ALPHA")) {
            environment.add(name + "=" + name.toLowerCase() + " = value, with spaces");
        }
        List<String> untraced = new ArrayList<>(environment);
        untraced.add("/usr/bin/env");
        List<String> traced = new ArrayList<>(environment);
        traced.addAll(List.of(launcher.toString(), "-o", "/dev/null", "--", "/usr/bin/env"));
        String expected = output(untraced);
        assertThat(expected.lines()).hasSize(9);
        assertThat(output(traced)).isEqualTo(expected);
    }

    private static String output(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s", command).isZero();
        return out;
    }

    /** Runs {@code script} with sh; its `ls -l /proc/self/fd` listing as "fd target" lines, run-to-run ids masked. */
    private static String descriptors(String script) throws Exception {
        String out = output(List.of("sh", "-c", script));
        StringBuilder fds = new StringBuilder();
        for (String line : out.lines().toList()) {
            int arrow = line.indexOf(" -> ");
            if (arrow < 0) continue;
            String fd = line.substring(line.lastIndexOf(' ', arrow - 1) + 1, arrow);
            String target = line.substring(arrow + 4).replaceAll("^(pipe|socket):\\[\\d+]$", "$1")
                    .replaceAll("^/proc/\\d+/fd$", "/proc/N/fd");
            fds.append(fd).append(' ').append(target).append('\n');
        }
        return fds.toString();
    }

    private static long ignoredMask(String status) {
        return status.lines().filter(l -> l.startsWith("SigIgn:")).mapToLong(l -> Long.parseUnsignedLong(l.substring(7).trim(), 16))
                .findFirst().orElseThrow();
    }

    @Test
    void pipelinesWorkThroughInheritedStdio() throws Exception {
        Path out = Files.createTempFile("renacer", ".out");
        Renacer.Run run = Renacer.run(List.of("-f", "--", "sh", "-c", "printf 'x\\ny\\nx\\n' | sort | uniq -c > " + out));
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("      2 x\n      1 y\n");
    }

    private static String withoutUnderscore(String env) {
        return String.join("\n", Arrays.stream(env.split("\n")).filter(l -> !l.startsWith("_=")).sorted().toList());
    }
}
