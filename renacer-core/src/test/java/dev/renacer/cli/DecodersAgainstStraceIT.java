package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder fixtures make calls whose arguments renacer decodes beyond plain hex (valid, NULL, unreadable,
 * unknown flags), each in a way that prints the same in any two runs. renacer's text must be strace's, line
 * for line, with the default -s, a small one and -s 0 (where strace still reads each array element before
 * it stops, and shows an unreadable one). Masked, on both sides alike: addresses of mappings (which
 * ASLR moves), pids, and the values that differ run to run by nature: CPU times in clock ticks (kept only
 * when their "/* 0.47 s *\/" comment is the one strace would print) and in getrusage, times' clock, the time
 * left of a sleep a signal interrupted, and the port the kernel picked for a socket. Flag values in hex (0x40000003 /* SCHED_??? *\/) are short and stay compared.
 */
class DecodersAgainstStraceIT {
    /** Per fixture, calls strace must have seen in its trace, so that a fixture that stopped making them is noticed. */
    private static final Map<String, List<String>> DECODED = Map.of(
            "decoders", List.of("select", "pselect6", "ppoll", "timerfd_settime", "timerfd_gettime", "timer_create",
                    "timer_settime", "timer_gettime", "signalfd4", "signalfd", "sched_getparam", "sched_setparam",
                    "sched_setscheduler", "sched_rr_get_interval", "ioprio_get", "ioprio_set", "preadv2", "pwritev2",
                    "capget", "capset", "get_robust_list", "kcmp", "mount"),
            "decoders_signals", List.of("faccessat2", "mremap", "rt_sigaction", "rt_sigtimedwait", "prctl",
                    "restart_syscall", "nanosleep", "clock_nanosleep", "--- SIGCHLD"),
            "decoders_io", List.of("fcntl", "epoll_ctl", "epoll_wait", "epoll_pwait", "inotify_add_watch", "setsockopt",
                    "getsockopt", "sendmsg", "recvmsg", "sendmmsg", "getrusage", "getitimer", "setitimer", "times", "get_mempolicy",
                    "set_mempolicy", "mbind"),
            "decoders_files", List.of("utimensat", "futimesat", "renameat2", "socket", "bind", "connect", "mknodat",
                    "sigaltstack", "personality", "sched_get_priority_max", "ioctl", "prctl", "shmget", "shmat", "shmdt",
                    "shmctl", "semget", "semctl", "msgget", "msgctl", "setxattr", "getxattr", "listxattr", "getpriority",
                    "pkey_alloc"));

    /** Stack, heap and library addresses have 9 or more hex digits; the fixtures' own BAD (0xdead0000) has 8. */
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{9,}");
    /** The fixture's pid, and its children's; and the System V IPC ids it got, which the system numbers in sequence. */
    private static final Pattern PID = Pattern.compile("^(?:getpid|set_tid_address|clone|shmget|semget|msgget)\\(.*\\)\\s+= (\\d+)$");
    /** A clock_t field with strace's seconds comment; CLOCK_TICKS_PER_SECOND is USER_HZ. */
    private static final Pattern CLOCK_T = Pattern.compile("(si_[us]time|tms_[a-z]+)=(\\d+)( /\\* (\\d+)\\.(\\d\\d) s \\*/)?");
    /** Other values that differ run to run: CPU times in getrusage, times' clock, the port the kernel picked. */
    private static final Pattern CPU_TIME = Pattern.compile("(ru_[us]time)=\\{tv_sec=\\d+, tv_usec=\\d+\\}");
    private static final Pattern CLOCK = Pattern.compile("^(times\\(.*\\)\\s+= )\\d+$");
    private static final Pattern PORT = Pattern.compile("sin_port=htons\\(\\d+\\)");
    private static final int CLOCK_TICKS_PER_SECOND = 100;
    private static final Pattern TIME_LEFT = Pattern.compile("\\{tv_sec=\\d+, tv_nsec=\\d+\\}\\) = \\? ERESTART");

    static Stream<Arguments> fixturesAndLimits() {
        return DECODED.keySet().stream().sorted().flatMap(f -> Stream.of(Arguments.of(f, "32"), Arguments.of(f, "4"), Arguments.of(f, "0")));
    }

    @ParameterizedTest(name = "{0} -s {1}")
    @MethodSource("fixturesAndLimits")
    void sameTextAsStrace(String name, String stringLimit) throws Exception {
        Path straceOut = Files.createTempFile("strace", ".txt");
        Path renacerOut = Files.createTempFile("renacer", ".txt");
        try {
            String fixture = Fixtures.path(name);
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
            for (String call : DECODED.get(name)) {
                String start = call.startsWith("---") ? call : call + "(";
                assertThat(expected).as("strace saw the fixture's %s", call).anyMatch(l -> l.startsWith(start));
            }
            assertThat(actual).containsExactlyElementsOf(expected);
        } finally {
            Files.deleteIfExists(straceOut);
            Files.deleteIfExists(renacerOut);
        }
    }

    /** The pids of a run, from getpid's, set_tid_address's and clone's results. */
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
            l = CLOCK_T.matcher(l).replaceAll(m -> consistent(m) ? m.group(1) + "=TICKS" : Matcher.quoteReplacement(m.group()));
            l = TIME_LEFT.matcher(l).replaceAll("{LEFT}) = ? ERESTART");
            l = CPU_TIME.matcher(l).replaceAll("$1={CPU}");
            l = CLOCK.matcher(l).replaceAll("$1CLOCK");
            l = PORT.matcher(l).replaceAll("sin_port=htons(PORT)");
            // a masked number of another width moves the result's column (TextAgainstStraceIT checks the columns)
            l = l.replaceFirst("\\) +(= [^=]*)$", ") $1");
            out.add(l);
        }
        return out;
    }

    /** strace's print_clock_t: no comment for 0, else the value in seconds with two decimals. */
    private static boolean consistent(MatchResult m) {
        long ticks = Long.parseLong(m.group(2));
        if (m.group(3) == null) return ticks == 0;
        return ticks != 0 && Long.parseLong(m.group(4)) == ticks / CLOCK_TICKS_PER_SECOND
                && Integer.parseInt(m.group(5)) == ticks % CLOCK_TICKS_PER_SECOND;
    }
}
