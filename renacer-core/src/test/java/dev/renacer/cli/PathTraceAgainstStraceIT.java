package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.SideBySide;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * -P PATH against strace 6.1: the same calls are traced (by a file name argument, by a descriptor whose
 * link names the path, an unlinked file's included, by a directory descriptor), the summary counts only
 * them, and a path that is not the resolved one gets strace's notice.
 */
class PathTraceAgainstStraceIT {

    @ParameterizedTest
    @ValueSource(strings = {"/etc/hostname", "/dev/null", "DIR/deleted", "DIR", "/nonexistent-renacer"})
    void theSameCallsAsStrace(String path) throws Exception {
        Path dir = Files.createTempDirectory("renacer-paths");
        List<String> flags = List.of("-P", path.replace("DIR", dir.toString()));
        List<String> command = List.of(Fixtures.path("descriptors"), dir.toString(), "files");
        SideBySide.Run strace = SideBySide.strace(flags, command);
        SideBySide.Run renacer = SideBySide.renacer(flags, command);
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode());
        List<String> expected = strace.lines("trace");
        List<String> actual = renacer.lines("trace");
        if (!path.startsWith("/nonexistent")) assertThat(expected).as("strace traced some").hasSizeGreaterThan(1);
        Set<String> pids = SideBySide.pids(expected, actual);
        assertThat(SideBySide.masked(actual, pids)).containsExactlyElementsOf(SideBySide.masked(expected, pids));
        Files.deleteIfExists(dir);
    }

    @Test
    void theSummaryCountsOnlyTheCallsOnThePath() throws Exception {
        List<String> flags = List.of("-c", "-S", "calls", "-P", "/etc/hostname");
        List<String> command = List.of("cat", "/etc/hostname");
        var strace = Strace.summaryTable(SideBySide.strace(flags, command).lines("trace"));
        var renacer = Strace.summaryTable(SideBySide.renacer(flags, command).lines("trace"));
        assertThat(renacer).isEqualTo(strace).containsKeys("openat", "read", "close").doesNotContainKey("mmap");
    }

    @Test
    void aPathThatIsNotItsRealPathIsNamedAsStraceNamesIt() throws Exception {
        List<String> flags = new ArrayList<>(List.of("-P", "/etc/../etc/hostname"));
        SideBySide.Run strace = SideBySide.strace(flags, List.of("true"));
        SideBySide.Run renacer = SideBySide.renacer(flags, List.of("true"));
        assertThat(renacer.stderr().replace("renacer: ", "")).isEqualTo(strace.stderr().replaceAll("\\S*strace: ", ""))
                .isEqualTo("Requested path \"/etc/../etc/hostname\" resolved into \"/etc/hostname\"\n");
        flags.addAll(List.of("-e", "quiet=path-resolution"));
        assertThat(SideBySide.renacer(flags, List.of("true")).stderr()).isEmpty();
    }
}
