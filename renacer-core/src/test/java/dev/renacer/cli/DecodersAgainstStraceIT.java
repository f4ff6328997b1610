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
 * The fixture {@code decoders} makes select, pselect6, ppoll, timer, signalfd, sched, ioprio, kcmp,
 * preadv2/pwritev2, capget/capset, get_robust_list and mount calls (valid, NULL, unreadable, unknown
 * flags), each in a way that prints the same in any two runs. renacer's text must be strace's, line
 * for line, with the default -s and a small one; only addresses of mappings (which ASLR moves) and the
 * pid are masked. Flag values in hex (0x40000003 /* SCHED_??? *\/) are short and stay compared.
 */
class DecodersAgainstStraceIT {
    /** Stack, heap and library addresses have 9 or more hex digits; the fixture's own BAD (0xdead0000) has 8. */
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{9,}");
    private static final Pattern PID = Pattern.compile("^(?:getpid|set_tid_address)\\(.*\\)\\s+= (\\d+)$");
    private static final List<String> DECODED = List.of("select", "pselect6", "ppoll", "timerfd_settime",
            "timerfd_gettime", "timer_create", "timer_settime", "timer_gettime", "signalfd4", "signalfd",
            "sched_getparam", "sched_setparam", "sched_setscheduler", "sched_rr_get_interval", "ioprio_get",
            "ioprio_set", "preadv2", "pwritev2", "capget", "capset", "get_robust_list", "kcmp", "mount");

    @ParameterizedTest
    @ValueSource(strings = {"32", "4"})
    void sameTextAsStrace(String stringLimit) throws Exception {
        Path straceOut = Files.createTempFile("strace", ".txt");
        Path renacerOut = Files.createTempFile("renacer", ".txt");
        try {
            String fixture = Fixtures.path("decoders");
            Process strace = new ProcessBuilder(Strace.executable(), "-s", stringLimit, "-o", straceOut.toString(), "--", fixture)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            strace.getInputStream().readAllBytes();
            assertThat(strace.waitFor()).as("strace's exit status").isZero();
            Renacer.Run run = Renacer.run(List.of("-s", stringLimit, "-o", renacerOut.toString(), "--", fixture));
            assertThat(run.exitCode()).as("renacer's exit status; stderr: %s", run.stderr()).isZero();

            List<String> straceLines = Files.readAllLines(straceOut);
            List<String> renacerLines = Files.readAllLines(renacerOut);
            // both runs' pids are masked on both sides: a pid that happens to equal a number in the
            // trace (a length, an fd) is then masked alike in both
            Set<String> pids = new TreeSet<>(pids(straceLines));
            pids.addAll(pids(renacerLines));
            List<String> expected = masked(straceLines, pids);
            List<String> actual = masked(renacerLines, pids);
            for (String name : DECODED) {
                assertThat(expected).as("strace saw the fixture call %s", name).anyMatch(l -> l.startsWith(name + "("));
            }
            assertThat(actual).containsExactlyElementsOf(expected);
        } finally {
            Files.deleteIfExists(straceOut);
            Files.deleteIfExists(renacerOut);
        }
    }

    /** The pid of a run, from getpid's and set_tid_address's results. */
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
            for (String pid : pids) l = l.replaceAll("\\b" + pid + "\\b", "PID");
            out.add(l);
        }
        return out;
    }
}
