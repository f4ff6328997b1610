package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole text trace, as a user reads it with -o, against strace's of the same program: equal line
 * for line once addresses, pids and random bytes (which differ between any two runs) are masked.
 */
class TextAgainstStraceIT {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+");
    private static final Pattern RANDOM_BYTES = Pattern.compile("getrandom\\(\"[^\"]*\"");
    private static final Pattern PID_SOURCES = Pattern.compile(
            "^(?:getpid|gettid|set_tid_address|clone|fork|vfork)\\(.*\\)\\s+= (\\d+)$|si_pid=(\\d+)|Process PID=(\\d+)");

    static Stream<List<String>> programs() {
        return Stream.of(
                List.of(Fixtures.path("exit_status")),
                List.of(Fixtures.path("syscall_heavy"), "3"),
                List.of(Fixtures.path("killed")),
                List.of(Fixtures.path("i386_abi")),
                List.of("cat", "/etc/hostname", "/nonexistent-renacer"),
                List.of("ls", "-la", "/usr"));
    }

    @ParameterizedTest
    @MethodSource("programs")
    void sameTextAsStrace(List<String> command) throws Exception {
        Path straceOut = Files.createTempFile("strace", ".txt");
        Path renacerOut = Files.createTempFile("renacer", ".txt");
        List<String> straceArgs = new ArrayList<>(List.of(Strace.executable(), "-o", straceOut.toString(), "--"));
        straceArgs.addAll(command);
        // stdout a pipe for both, as Renacer.run gives the traced program (ls and cat look at it)
        Process strace = new ProcessBuilder(straceArgs).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        strace.getInputStream().readAllBytes();
        strace.waitFor();
        List<String> args = new ArrayList<>(List.of("-o", renacerOut.toString(), "--"));
        args.addAll(command);
        Renacer.run(args);

        List<String> renacerLines = Files.readAllLines(renacerOut);
        List<String> straceLines = Files.readAllLines(straceOut);
        // the pids of both runs are masked in both traces: a pid of one run that happens to equal a
        // number in the trace (a size, a count) is then masked on both sides alike
        Set<String> pids = pidsIn(renacerLines);
        pids.addAll(pidsIn(straceLines));
        assertThat(masked(renacerLines, pids)).as("trace of %s", command)
                .containsExactlyElementsOf(masked(straceLines, pids));
    }

    /**
     * Written to stderr (no -o), strace says when a task switches between the x86_64 and the i386 ABI
     * ({@code [ Process PID=N runs in 32 bit mode. ]}); the calls made through int $0x80 are named from
     * the i386 table. renacer's stderr must read the same.
     */
    @Test
    void callsThroughTheI386AbiReadAsStraceWritesThemToStderr() throws Exception {
        String fixture = Fixtures.path("i386_abi");
        Process strace = new ProcessBuilder(Strace.executable(), "--", fixture).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> straceLines = new String(strace.getErrorStream().readAllBytes()).lines().toList();
        assertThat(strace.waitFor()).isZero();
        Renacer.Run run = Renacer.run(List.of("--", fixture));
        assertThat(run.exitCode()).isZero();

        List<String> renacerLines = run.stderrLines();
        assertThat(straceLines).as("strace's own trace").anyMatch(l -> l.endsWith(" runs in 32 bit mode. ]"));
        Set<String> pids = pidsIn(renacerLines);
        pids.addAll(pidsIn(straceLines));
        assertThat(masked(renacerLines, pids)).containsExactlyElementsOf(masked(straceLines, pids));
    }

    private static Set<String> pidsIn(List<String> lines) {
        Set<String> pids = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = PID_SOURCES.matcher(line);
            while (m.find()) pids.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return pids;
    }

    private static List<String> masked(List<String> lines, Set<String> pids) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = ADDRESS.matcher(line).replaceAll("ADDR");
            l = RANDOM_BYTES.matcher(l).replaceAll("getrandom(\"RANDOM\"");
            for (String pid : pids) {
                // a pid of another length moves the " = " column (after a pid wrap, 32xxx then 3xx): even it out, as SideBySide does
                if (l.matches(".*\\b" + pid + "\\b.*")) l = l.replaceAll("\\b" + pid + "\\b", "PID").replaceAll(" +=", " =");
            }
            out.add(l);
        }
        return out;
    }
}
