package dev.renacer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.TraceListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.renacer.testing.Events.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The option group as the main command sees it: parsed by picocli, then asked for its listener. */
class OutputOptionsTest {
    /** The option group in a command of its own, parsed as the main command parses it. */
    static final class Cmd {
        final OutputOptions output = new OutputOptions();

        void parse(String... args) {
            CommandSpec spec = CommandSpec.create().name("renacer");
            output.addTo(spec);
            new CommandLine(spec).parseArgs(args);
        }
    }

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private TraceListener listener(String... args) throws Exception {
        Cmd cmd = new Cmd();
        cmd.parse(args);
        RunContext ctx = new RunContext(List.of("ls", "-l"), List.of(), false, Map.of(),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return cmd.output.createListener(ctx);
    }

    private void trace(TraceListener l) {
        l.onSyscall(call(10, SyscallTable.number("getpid"), "", 10, "10", 0, 1_000));
        l.onSyscall(call(10, SyscallTable.number("openat"), "AT_FDCWD, \"/x\", O_RDONLY", -2, "-1 ENOENT (No such file or directory)", 1, 2_000));
        l.onProcessExit(10, 0, 0, false);
        l.onFinish();
    }

    @Test
    void anUnknownFormatIsOneLineNamingTheFormats() {
        assertThatThrownBy(() -> listener("--format", "xml"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown format 'xml': use text, json, csv or html");
    }

    @Test
    void badSortKeysAndContradictorySummariesAreUsageErrors() {
        assertThatThrownBy(() -> listener("-c", "-S", "size")).isInstanceOf(UsageException.class)
                .hasMessageContaining("-S").hasMessageContaining("time, calls, errors or name");
        assertThatThrownBy(() -> listener("-c", "-C")).isInstanceOf(UsageException.class);
    }

    @Test
    void textGoesToStderrByDefaultAndDashCReplacesItWithTheTable() throws Exception {
        trace(listener("-c"));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(err).startsWith("% time     seconds  usecs/call     calls    errors syscall\n");
        assertThat(err).doesNotContain("+++");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void dashCapitalCPrintsTheTraceThenTheTable() throws Exception {
        trace(listener("-C", "-ttt", "-T"));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(err).contains("+++ exited with 0 +++\n% time");
        assertThat(err.lines().findFirst().orElseThrow()).matches("\\d+\\.\\d{6} .* <0\\.000001>");
    }

    @Test
    void clusteredDashTsCountAsStraceDoes() throws Exception {
        trace(listener("-tt"));
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} .*");
    }

    @Test
    void machineFormatsGoToStdoutOrToTheFile(@TempDir Path dir) throws Exception {
        trace(listener("--format", "JSON", "-C", "--stats-extended"));
        var doc = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        assertThat(doc.get("events")).hasSize(3);
        assertThat(doc.get("summary").get("calls").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("syscalls").get(0).has("latency")).isTrue();

        Path file = dir.resolve("trace.csv");
        trace(listener("--format", "csv", "-o", file.toString()));
        assertThat(Files.readString(file)).startsWith("type,timestamp_ns,pid,tid,name,number,arguments,");
        Path text = dir.resolve("trace.txt");
        trace(listener("-o", text.toString()));
        assertThat(Files.readString(text)).endsWith("+++ exited with 0 +++\n");
    }

    @Test
    void anOutputFileThatCannotBeCreatedIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> listener("-o", dir.resolve("missing/dir/trace").toString()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("Can't fopen '");
    }
}
