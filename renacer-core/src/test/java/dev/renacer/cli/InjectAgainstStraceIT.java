package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.SideBySide;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * -e inject= and -e fault= against strace 6.1 on real programs: the same calls fail or return what was
 * injected, with strace's {@code (INJECTED)} and {@code (DELAYED)} notes, the programs react the same
 * way (same trace after the injection, same exit status), injected signals arrive, -c counts what was
 * injected, and each task counts its own calls for when=.
 */
class InjectAgainstStraceIT {
    private static final List<String> CAT = List.of("cat", "/etc/hostname");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-e inject=openat:error=ENOENT:when=3",
            "-e fault=openat:when=2+2",
            "-e inject=%file:error=EACCES:when=4..5",
            "-e inject=read:retval=0",
            "-e inject=fstat:error=EIO -e inject=close:retval=42",
            "-e inject=close:error=EBADF:syscall=getpid",
            "-e inject=fstat,newfstatat:signal=SIGUSR1:when=2",
            "-e inject=read:delay_enter=20ms:when=1 -e inject=close:delay_exit=1ms",
            "-e inject=openat:error=ENOENT:when=3 -e trace=openat,exit_group",
            "-Z -e inject=openat:error=ENOENT"})
    void sameTraceAndOutcomeAsStrace(String options) throws Exception {
        List<String> flags = List.of(options.split(" "));
        SideBySide.Run strace = SideBySide.strace(flags, CAT);
        SideBySide.Run renacer = SideBySide.renacer(flags, CAT);
        assertThat(renacer.exitCode()).as("exit status").isEqualTo(strace.exitCode());
        List<String> expected = strace.lines("trace");
        List<String> actual = renacer.lines("trace");
        assertThat(expected).as("strace injected").anyMatch(l -> l.contains("(INJECTED)") || l.contains("(DELAYED)")
                || l.startsWith("--- SIGUSR1"));
        Set<String> pids = SideBySide.pids(expected, actual);
        assertThat(SideBySide.masked(actual, pids)).containsExactlyElementsOf(SideBySide.masked(expected, pids));
    }

    @Test
    void theSummaryCountsTheInjectedErrors() throws Exception {
        List<String> flags = List.of("-c", "-S", "calls", "-e", "inject=openat:error=ENOENT:when=2+");
        List<String> strace = SideBySide.strace(flags, CAT).lines("trace");
        List<String> renacer = SideBySide.renacer(flags, CAT).lines("trace");
        assertThat(Strace.summaryTable(renacer)).isEqualTo(Strace.summaryTable(strace));
        assertThat(Strace.summaryTable(strace).get("openat")).as("strace's openat row").matches("\\d+/[1-9]\\d*");
    }

    @Test
    void eachTaskCountsItsOwnCalls() throws Exception {
        List<String> flags = List.of("-ff", "-e", "trace=openat", "-e", "inject=openat:error=ENOENT:when=3");
        List<String> command = List.of(Fixtures.path("fork_exec"), "/bin/cat", "/etc/hostname");
        SideBySide.Run strace = SideBySide.strace(flags, command);
        SideBySide.Run renacer = SideBySide.renacer(flags, command);
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode());
        List<String> straceFiles = SideBySide.assertSameTaskFiles(strace, renacer, 3);
        assertThat(Files.readString(strace.directory().resolve(straceFiles.get(1)))).contains("(INJECTED)");
    }
}
