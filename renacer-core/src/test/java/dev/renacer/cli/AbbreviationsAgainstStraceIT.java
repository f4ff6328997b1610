package dev.renacer.cli;

import dev.renacer.testing.SideBySide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * -v, -e abbrev=, -e verbose= and -e raw= against strace 6.1: execve's whole environment and argv, stat's
 * every field (times with their local dates), uname's six fields; structures as bare addresses where
 * they are not verbose; calls in hex where raw.
 */
class AbbreviationsAgainstStraceIT {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "-v | ls -la /etc/hostname /dev/null /usr",
            "-v | uname -a",
            "-e abbrev=!execve,uname | uname -a",
            "-e verbose=none | ls -la /etc/hostname",
            "-e verbose=!newfstatat,statx | ls -la /etc/hostname",
            "-e raw=all | uname -a",
            "-e raw=read,write,openat -v | cat /etc/hostname"})
    void sameTraceAsStrace(String options, String program) throws Exception {
        List<String> flags = List.of(options.trim().split(" "));
        List<String> command = List.of(program.trim().split(" "));
        SideBySide.Run strace = SideBySide.strace(flags, command);
        SideBySide.Run renacer = SideBySide.renacer(flags, command);
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode());
        List<String> expected = strace.lines("trace");
        List<String> actual = renacer.lines("trace");
        Set<String> pids = SideBySide.pids(expected, actual);
        assertThat(masked(SideBySide.masked(actual, pids))).containsExactlyElementsOf(masked(SideBySide.masked(expected, pids)));
    }

    /**
     * Under -e raw= a pid is a result in hex. The traced program's stdout is a pipe made for each run (its inode and
     * times differ), and without renacer's launcher the environment comes in the JVM's order: execve's environment
     * under -v is compared as a set.
     */
    private static List<String> masked(List<String> lines) {
        return lines.stream()
                .filter(l -> !l.contains("S_IFIFO"))
                .map(l -> l.matches("^(set_tid_address|getpid|gettid)\\(.*") ? l.replaceAll("= 0x[0-9a-f]+$", "= PID") : l)
                .map(AbbreviationsAgainstStraceIT::sortedEnvironment)
                .toList();
    }

    private static String sortedEnvironment(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(execve\\(\"[^\"]*\", \\[[^]]*\\], \\[)(.*)(\\]\\) = .*)$").matcher(line);
        if (!m.matches()) return line;
        List<String> variables = new java.util.ArrayList<>(List.of(m.group(2).split(", (?=\")")));
        java.util.Collections.sort(variables);
        return m.group(1) + String.join(", ", variables) + m.group(3);
    }
}
