package dev.renacer.output;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The renacer command as a user meets its output: formats, prefixes, bad options, broken outputs. */
class OutputToUsersIT {

    @Test
    void anUnknownFormatIsOneLineAndExitCode2() throws Exception {
        Renacer.Run run = Renacer.run(List.of("--format", "yaml", Fixtures.path("exit_status")));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).containsExactly("renacer: unknown format 'yaml': use text, json, csv or html");
    }

    @Test
    void timestampsAndDurationsPrefixAndSuffixEveryCallLine() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-tt", "-T", Fixtures.path("exit_status"), "3"));
        assertThat(run.exitCode()).isEqualTo(3);
        List<String> calls = run.stderrLines().stream().filter(l -> l.contains(" = ")).toList();
        assertThat(calls).isNotEmpty();
        Pattern line = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} [a-z0-9_]+\\(.*\\) += .*");
        assertThat(calls).allSatisfy(l -> assertThat(l).matches(line));
        assertThat(calls.stream().filter(l -> !l.endsWith("= ?"))).allSatisfy(l -> assertThat(l).matches(".* <\\d+\\.\\d{6}>"));
        assertThat(run.stderrLines()).last().asString().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\+\\+\\+ exited with 3 \\+\\+\\+");
    }

    @Test
    void linesReachTheFileWhileTheTraceeIsStillRunning() throws Exception {
        Path trace = Files.createTempFile("renacer-live", ".txt");
        Path stderr = Files.createTempFile("renacer-live", ".err");
        // 600 rounds of 100 ms: a minute, far longer than the wait below
        Process p = Renacer.start(List.of("-o", trace.toString(), Fixtures.path("sleeper"), "600"), Map.of(), stderr);
        try {
            boolean seen = false;
            for (int i = 0; i < 300 && !seen; i++) {
                Thread.sleep(100);
                seen = Files.readAllLines(trace).stream().anyMatch(l -> l.startsWith("getppid()"));
            }
            assertThat(seen).as("a getppid line was flushed while sleeper runs").isTrue();
            assertThat(p.isAlive()).isTrue();
            // the call the tracee is blocked in shows too, its line open as in strace
            assertThat(Files.readString(trace)).containsPattern("(?m)^clock_nanosleep\\(");
        } finally {
            // SIGKILL: with -o FILE and a command renacer ignores SIGTERM (-I3, as strace), and the test would wait out
            // the sleeper's minute; the sleeper dies with it (PTRACE_O_EXITKILL)
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void aFullDiskStopsTheOutputButNotTheTracee() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-o", "/dev/full", Fixtures.path("syscall_heavy"), "2000"));
        assertThat(run.exitCode()).as("syscall_heavy ran all its rounds and exited 0").isZero();
        assertThat(run.stderrLines()).containsExactly(
                "renacer: cannot write trace to /dev/full: No space left on device; output stopped, tracing goes on");
    }

    @Test
    void aReaderThatGoesAwayStopsTheOutputButNotTheTracee() throws Exception {
        Path stderr = Files.createTempFile("renacer-pipe", ".err");
        Process p = Renacer.start(List.of("--format", "json", Fixtures.path("syscall_heavy"), "3000"), Map.of(), stderr);
        try (InputStream in = p.getInputStream()) {
            assertThat(in.readNBytes(200)).hasSize(200);   // as `| head -c 200` would
        }
        assertThat(p.waitFor()).as("the tracee's exit status, 0 after all its rounds").isZero();
        List<String> err = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("renacer: cannot write trace to standard output: ").endsWith("; output stopped, tracing goes on");
    }
}
