package dev.renacer.cli;

import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strace options of issue 12 given wrong (an unknown qualifier or set member, a malformed inject spec, a
 * combination strace refuses): renacer says what strace says in one {@code renacer: } line, exits 2 (strace: 1),
 * and neither starts the command. Options are separated by {@code |}.
 */
class BadOptionsAgainstStraceIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "-e|bogus=1", "-e|trace=", "-e|status=nosuch", "-e|status=successful,sometimes", "--status=!",
            "-e|signal=SIGFOO", "-e|signal=SIG", "-e|quiet=foo", "-e|verbose=nosuch", "-e|abbrev=", "-e|raw=%nosuch",
            "-e|decode-fds=nosuch", "-e|read=x", "-e|write=-1",
            "-e|inject=open", "-e|inject=openat:error=EFOO", "-e|inject=openat:when=0", "-e|inject=openat:when=1+0",
            "-e|inject=openat:retval=x", "-e|inject=openat:error=ENOENT:retval=1", "-e|inject=openat:delay_enter=x",
            "-e|inject=openat:error=ENOENT:syscall=foo", "-e|inject=nosuch:error=ENOENT", "-e|fault=openat:signal=SIGFOO",
            "-ff|-c", "-ff|-C", "-w", "-a|x", "-a|-1", "-b|foo", "-u|nosuchuser-renacer"})
    void oneLineAsStraceExit2AndNothingStarted(String options) throws Exception {
        List<String> flags = List.of(options.split("\\|"));
        Path dir = Files.createTempDirectory("renacer-bad");
        Path straceMarker = dir.resolve("strace-started");
        Path renacerMarker = dir.resolve("renacer-started");

        List<String> straceArgv = new ArrayList<>(List.of(Strace.executable(), "-o", "/dev/null"));
        straceArgv.addAll(flags);
        straceArgv.addAll(List.of("--", "touch", straceMarker.toString()));
        Process strace = new ProcessBuilder(straceArgv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String straceErr = new String(strace.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(strace.waitFor()).as("strace refuses %s: %s", flags, straceErr).isEqualTo(1);
        assertThat(straceMarker).as("strace started nothing").doesNotExist();

        List<String> args = new ArrayList<>(List.of("-o", "/dev/null"));
        args.addAll(flags);
        args.addAll(List.of("--", "touch", renacerMarker.toString()));
        Renacer.Run run = Renacer.run(args);
        assertThat(run.exitCode()).as("renacer's exit status; stderr: %s", run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).containsExactly(straceErr.lines().findFirst().orElseThrow().replaceFirst("^\\S*strace: ", "renacer: "));
        assertThat(renacerMarker).as("renacer started nothing").doesNotExist();
        Files.deleteIfExists(dir);
    }
}
