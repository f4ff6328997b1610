package dev.renacer.linux;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This run's private directory (JNA's native part is in it) is gone when renacer ends: when it exits, and when it dies
 * by the signal that killed its command, as strace does, which runs no shutdown hook (it was left behind every time).
 */
class PrivateDirectoryIT {
    @ParameterizedTest
    @CsvSource({"exit_status 0, 0", "exit_status 3, 3", "killed, 137"})
    void noDirectoryIsLeftBehind(String fixture, int exitCode, @TempDir Path tmp) throws Exception {
        String[] words = fixture.split(" ");
        List<String> args = new java.util.ArrayList<>(List.of("-o", "/dev/null", "--", Fixtures.path(words[0])));
        args.addAll(List.of(words).subList(1, words.length));
        Renacer.Run run = Renacer.run(args, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exitCode);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("left in java.io.tmpdir").isEmpty();
        }
    }
}
