package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Shell;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input: one clear line on stderr, the documented exit code, nothing started or left behind. */
class BadInputIT {

    @Test
    void unknownSyscallInFilterNamesItExits2AndStartsNothing() throws Exception {
        Path marker = Files.createTempDirectory("renacer").resolve("started");
        Renacer.Run run = Renacer.run(List.of("-e", "trace=open,opne", "--", "touch", marker.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderr()).startsWith("renacer: ").contains("opne");
        assertThat(marker).doesNotExist();
    }

    @Test
    void invalidRegexInFilterExits2() throws Exception {
        Path marker = Files.createTempDirectory("renacer").resolve("started");
        Renacer.Run run = Renacer.run(List.of("-e", "trace=/open(", "--", "touch", marker.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("renacer: ").contains("open(");
        assertThat(marker).doesNotExist();
    }

    @Test
    void noCommandAndNoPidPrintsUsageAndExits2() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-f"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("renacer: must have PROG [ARGS] or -p PID");
    }

    @Test
    void unknownOptionExits2() throws Exception {
        Renacer.Run run = Renacer.run(List.of("--no-such-option", "true"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("renacer: ").contains("--no-such-option");
    }

    @Test
    void missingCommandIsReportedLikeStraceAndExits1() throws Exception {
        Renacer.Run run = Renacer.run(List.of("--", "renacer-no-such-command"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("renacer: Can't stat 'renacer-no-such-command': No such file or directory");
    }

    @Test
    void nonExecutableFileExits1WithTheReason() throws Exception {
        Path file = Files.createTempFile("renacer", ".txt");
        Renacer.Run run = Renacer.run(List.of("--", file.toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("renacer: Can't execute '" + file + "': Permission denied");
    }

    @Test
    void executableThatTheKernelRefusesExits1NamingIt() throws Exception {
        Path file = Files.createTempFile("renacer", ".bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        file.toFile().setExecutable(true);
        Renacer.Run run = Renacer.run(List.of("--", file.toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("renacer: exec: " + file + ": Exec format error");
    }

    @Test
    void invalidPidExits2() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-p", "12ab"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).containsExactly("renacer: Invalid process id: '12ab'");
    }

    @Test
    void pidThatDoesNotExistIsNamedAndExits1WhenNothingIsLeft() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-p", "999999999"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("999999999").contains("No such process");
    }

    @Test
    void negativeStringLimitExits2() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-s", "-5", "true"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("renacer: ");
    }

    @Test
    void ptraceRefusedIsOneLineExit1AndLeavesNoChild() throws Exception {
        // renacer run under `strace -f`: strace seizes renacer's children first, so renacer's own
        // PTRACE_SEIZE is refused (EPERM), as under a seccomp or yama policy
        String marker = "987654" + ProcessHandle.current().pid();
        List<String> argv = List.of(Strace.executable(), "-f", "-o", "/dev/null",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Fixtures.renacerJar().toString(),
                "--", Fixtures.path("sleeper"), marker);
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(err.lines().toList()).hasSize(1);
        assertThat(err).startsWith("renacer: ptrace(PTRACE_SEIZE, ").contains("Operation not permitted");
        assertThat(out).isEmpty();
        try (var procs = Files.list(Path.of("/proc"))) {
            List<Path> strays = procs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> {
                        try {
                            return new String(Files.readAllBytes(d.resolve("cmdline"))).contains(marker);
                        } catch (Exception e) {
                            return false;
                        }
                    }).toList();
            assertThat(strays).as("processes left behind").isEmpty();
        }
    }

    @Test
    void fixturesAreBuilt() {
        assertThat(Path.of(Fixtures.path("sleeper"))).exists();
    }

    @Test
    void aStringLimitBeyondStracesBoundIsRefusedAsStraceRefusesIt() throws Exception {
        for (String limit : new String[] {"2147483647", "1073741824", "-1"}) {
            Renacer.Run run = Renacer.run(List.of("-s", limit, "--", "true"));
            assertThat(run.exitCode()).as(limit).isEqualTo(2);
            assertThat(run.stderrLines()).as(limit).containsExactly("renacer: invalid -s argument: '" + limit + "'");
            assertThat(Shell.run("strace -o /dev/null -s " + limit + " true").err()).as(limit)
                    .startsWith("strace: invalid -s argument: '" + limit + "'");
        }
    }

    @Test
    void aSpanPoolLargerThanCanEverBeInUseIsRefused() throws Exception {
        Renacer.Run run = Renacer.run(List.of("--otlp-file", "/dev/null", "--otlp-pool-capacity", "100000000", "--", "true"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderr()).startsWith("renacer: --otlp-pool-capacity must be between 0 and ");
    }

    @Test
    void anOutputFileThatCannotBeOpenedIsNamedOnceWithTheReasonAsStraceSaysIt() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-o", "/tmp", "--", "true"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).containsExactly("renacer: Can't fopen '/tmp': Is a directory");
    }

    @Test
    void theLargestStringLimitStraceAcceptsCostsNoMemoryUpFront() throws Exception {
        // -s 1073741823 once allocated 1.1 GB before the first call; strace allocates as strings come
        Shell.Result run = Shell.run(Shell.quote(Path.of(System.getProperty("java.home"), "bin", "java")) + " -Xmx64m -jar "
                + Shell.quote(Fixtures.renacerJar()) + " -s 1073741823 -- cat /etc/hostname 2>&1 >/dev/null");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("read(3, \"" + java.nio.file.Files.readString(Path.of("/etc/hostname")).replace("\n", "\\n") + "\"");
    }
}
