package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.SideBySide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * -e read=FDS and -e write=FDS against strace 6.1: the hex dumps after read, write, readv, writev (the
 * fixture {@code descriptors io}: text, binary, an empty write, iovecs cut short by the result), of a
 * real program, and of one read past 1 MiB (wider offsets, several 64 KiB fetches); with -z the dumps
 * go with the lines printed.
 */
class DumpsAgainstStraceIT {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "-e read=3 -e write=4 | descriptors",
            "-e read=all | descriptors",
            "-e write=!3 -e read=none | descriptors",
            "-e read=3 -e write=4 -z -e trace=!readv | descriptors",
            "--read=3 -e trace=read | cat /etc/services",
            "-e read=0 -e trace=read | dd"})
    void sameDumpsAsStrace(String options, String program) throws Exception {
        List<String> flags = List.of(options.trim().split(" "));
        List<String> command = new ArrayList<>(List.of(program.trim().split(" ")));
        Path dir = Files.createTempDirectory("renacer-dumps");
        if (command.get(0).equals("descriptors")) command = List.of(Fixtures.path("descriptors"), dir.toString(), "io");
        if (command.get(0).equals("dd")) {
            command = List.of("sh", "-c", "exec dd bs=1100000 count=1 status=none </usr/bin/bash >/dev/null");
        }
        SideBySide.Run strace = SideBySide.strace(flags, command);
        SideBySide.Run renacer = SideBySide.renacer(flags, command);
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode());
        List<String> expected = strace.lines("trace");
        List<String> actual = renacer.lines("trace");
        assertThat(expected).as("strace dumped").anyMatch(l -> l.startsWith(" | 0"));
        Set<String> pids = SideBySide.pids(expected, actual);
        assertThat(SideBySide.masked(actual, pids)).containsExactlyElementsOf(SideBySide.masked(expected, pids));
        Files.deleteIfExists(dir);
    }
}
