package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * -y, -yy, -e decode-fds= and -x / -xx against strace 6.1 on the fixture {@code descriptors}, which
 * uses a file, /dev/null, pipes, a TCP connection, UNIX sockets, a pidfd, an eventfd, an unlinked file
 * and a name with {@code <>} and a non-ASCII byte: the whole trace equal line for line, once what differs
 * between any two runs is masked (addresses, the pid, inode numbers, the TCP port the kernel picks).
 */
class DescriptorsAgainstStraceIT {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{6,}");
    private static final Pattern INODE = Pattern.compile("(?<=[\\[>,]|->)\\d{4,}(?=[\\],>-])");
    private static final Pattern PORT = Pattern.compile("(?<=127\\.0\\.0\\.1:)\\d+|(?<=htons\\()\\d+");
    /** Under -xx every byte is \xHH: four or more hex-encoded digits (an inode) are masked too. */
    private static final Pattern HEX_DIGITS = Pattern.compile("(\\\\x3[0-9]){4,}");
    private static final Pattern PID = Pattern.compile("^(?:getpid|set_tid_address)\\(.*\\)\\s+= (\\d+)$");

    @ParameterizedTest
    @ValueSource(strings = {"-y", "-yy", "-yy -x", "-y -xx", "-x", "--decode-fds=dev,pidfd", "-e decode-fds=socket"})
    void sameTraceAsStrace(String options) throws Exception {
        List<String> flags = List.of(options.split(" "));
        Path dir = Files.createTempDirectory("renacer-fds");
        Path straceOut = dir.resolve("strace.txt");
        Path renacerOut = dir.resolve("renacer.txt");
        try {
            String fixture = Fixtures.path("descriptors");
            List<String> straceArgs = new ArrayList<>(List.of(Strace.executable()));
            straceArgs.addAll(flags);
            straceArgs.addAll(List.of("-o", straceOut.toString(), "--", fixture, dir.toString()));
            Process strace = new ProcessBuilder(straceArgs).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            strace.getInputStream().readAllBytes();
            assertThat(strace.waitFor()).as("strace's exit status").isZero();
            List<String> args = new ArrayList<>(flags);
            args.addAll(List.of("-o", renacerOut.toString(), "--", fixture, dir.toString()));
            Renacer.Run run = Renacer.run(args);
            assertThat(run.exitCode()).as("renacer's exit status; stderr: %s", run.stderr()).isZero();

            List<String> straceLines = Files.readAllLines(straceOut, java.nio.charset.StandardCharsets.ISO_8859_1);
            List<String> renacerLines = Files.readAllLines(renacerOut, java.nio.charset.StandardCharsets.ISO_8859_1);
            Set<String> pids = new TreeSet<>(pids(straceLines));
            pids.addAll(pids(renacerLines));
            List<String> expected = masked(straceLines, pids);
            assertThat(String.join("\n", expected)).as("strace printed descriptor details").contains(">");
            assertThat(masked(renacerLines, pids)).containsExactlyElementsOf(expected);
        } finally {
            Files.deleteIfExists(straceOut);
            Files.deleteIfExists(renacerOut);
            Files.deleteIfExists(dir);
        }
    }

    private static Set<String> pids(List<String> lines) {
        Set<String> pids = new TreeSet<>();
        for (String line : lines) {
            Matcher m = PID.matcher(line);
            if (m.matches()) pids.add(m.group(1));
        }
        assertThat(pids).as("the fixture's pid").isNotEmpty();
        return pids;
    }

    private static List<String> masked(List<String> lines, Set<String> pids) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = ADDRESS.matcher(line).replaceAll("ADDR");
            for (String pid : pids) {
                // the pids of two runs may differ in length, and so the padding before " = "
                if (l.matches(".*\\b" + pid + "\\b.*")) l = l.replaceAll("\\b" + pid + "\\b", "PID").replaceAll(" +=", " =");
            }
            l = INODE.matcher(l).replaceAll("INODE");
            l = PORT.matcher(l).replaceAll("PORT");
            l = HEX_DIGITS.matcher(l).replaceAll("DIGITS");
            out.add(l);
        }
        return out;
    }
}
