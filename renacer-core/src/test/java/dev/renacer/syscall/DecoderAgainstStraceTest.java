package dev.renacer.syscall;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes what strace itself saw: the same program is traced twice with address randomisation off,
 * once with {@code -e raw=all} (the registers in hex) and once normally. For every call whose
 * arguments are all decoded from the registers alone, renacer's decoding of the raw values must be
 * strace's text; for every call, renacer's rendering of the result must be strace's (errno names and
 * messages included).
 */
class DecoderAgainstStraceTest {
    /**
     * Kinds printed from the register alone; calls with any other kind need tracee memory, and calls
     * with an UNDECODED argument are known to differ from strace.
     */
    private static final Set<ArgKind> REGISTER_ONLY = EnumSet.of(ArgKind.HEX, ArgKind.FLAGS, ArgKind.INT, ArgKind.UINT,
            ArgKind.LONG, ArgKind.ULONG, ArgKind.PTR, ArgKind.FD, ArgKind.DIRFD, ArgKind.OPEN_FLAGS,
            ArgKind.OPEN_MODE, ArgKind.MODE, ArgKind.ACCESS_MODE, ArgKind.AT_FLAGS, ArgKind.FD_FLAGS, ArgKind.PROT,
            ArgKind.MAP_FLAGS, ArgKind.WHENCE, ArgKind.FCNTL_CMD, ArgKind.SIGNAL, ArgKind.SIGMASK_HOW,
            ArgKind.WAIT_OPTIONS, ArgKind.ARCH_PRCTL_CODE, ArgKind.RLIMIT_RESOURCE, ArgKind.CLONE_FLAGS,
            ArgKind.GRND_FLAGS, ArgKind.CLOCKID, ArgKind.TIMER_FLAGS, ArgKind.IOCTL_CMD, ArgKind.SOCKET_DOMAIN,
            ArgKind.SOCKET_TYPE, ArgKind.SOCKET_PROTOCOL, ArgKind.FADVISE, ArgKind.MSG_FLAGS, ArgKind.PTR_OUT);

    /** Calls that return a process or thread id, which differs between the two runs. */
    private static final Set<String> RETURN_IDS = Set.of("set_tid_address", "getpid", "gettid", "getppid", "clone",
            "clone3", "fork", "vfork", "wait4", "waitid", "getpgrp", "getpgid", "getsid", "setsid");

    private static final Pattern LINE = Pattern.compile("^([a-z0-9_]+)\\((.*)\\)\\s+= (.*)$");
    private static final TraceeMemory NOTHING_READABLE = (tid, address, dst, offset, length) -> -1;

    @ParameterizedTest
    @ValueSource(strings = {"cat /etc/hostname /nonexistent-renacer", "ls -l /", "dd if=/dev/zero of=/dev/null bs=7 count=3",
        "sh -c : >/dev/null; umask 027; cd /tmp; exec 3</etc/hostname; exec 4>&3; exec 3<&-"})
    void decodesRawRegistersAsStraceDoes(String command) throws Exception {
        List<Matcher> raw = trace(true, command);
        List<Matcher> decoded = trace(false, command);
        assertThat(names(raw)).as("the two runs made the same calls").isEqualTo(names(decoded));

        SyscallDecoder decoder = new SyscallDecoder(NOTHING_READABLE, 32);
        int argumentsCompared = 0, resultsCompared = 0;
        for (int line = 0; line < raw.size(); line++) {
            String name = raw.get(line).group(1);
            int number = SyscallTable.number(name);
            long[] args = parseRawArgs(raw.get(line).group(2));
            String rawResult = raw.get(line).group(3).strip();
            String expectedResult = decoded.get(line).group(3).strip();
            if (rawResult.startsWith("?")) continue; // the call never returned (exit_group)
            long returnValue = parseRawResult(rawResult);

            if (registerOnly(number)) {
                StringBuilder out = new StringBuilder();
                int from = decoder.decodeEntry(1, number, args, out);
                decoder.decodeExit(1, number, args, from, returnValue, out);
                assertThat(out.toString()).as("line %d: %s", line + 1, decoded.get(line).group(0))
                        .isEqualTo(decoded.get(line).group(2));
                argumentsCompared++;
            }
            if (!annotated(number, rawResult, expectedResult) && !RETURN_IDS.contains(name)) {
                StringBuilder out = new StringBuilder();
                decoder.decodeResult(number, args, returnValue, out);
                assertThat(out.toString()).as("result of line %d: %s", line + 1, decoded.get(line).group(0))
                        .isEqualTo(expectedResult);
                resultsCompared++;
            }
        }
        assertThat(argumentsCompared).as("calls compared argument by argument").isGreaterThan(5);
        assertThat(resultsCompared).as("results compared").isGreaterThan(20);
    }

    private static boolean registerOnly(int number) {
        for (ArgKind kind : SyscallTable.kinds(number)) if (!REGISTER_ONLY.contains(kind)) return false;
        return SyscallTable.known(number);
    }

    /** strace notes more on some results ("1 ([{fd=3, revents=POLLIN}])") than renacer does yet; fcntl's it matches. */
    private static boolean annotated(int number, String rawResult, String expectedResult) {
        return !rawResult.startsWith("-1 ") && expectedResult.contains("(")
                && SyscallTable.resultKind(number) != ResultKind.FCNTL;
    }

    private static long[] parseRawArgs(String text) {
        long[] args = new long[6];
        if (text.isEmpty()) return args;
        String[] parts = text.split(", ");
        for (int i = 0; i < parts.length; i++) args[i] = parseHex(parts[i]);
        return args;
    }

    private static long parseRawResult(String text) {
        if (text.startsWith("-1 ")) {
            String name = text.substring(3, text.indexOf(' ', 3));
            int errno = Errno.number(name);
            assertThat(errno).as("errno %s known", name).isPositive();
            return -errno;
        }
        return parseHex(text.split(" ")[0]);
    }

    private static long parseHex(String text) {
        return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
    }

    private static List<String> names(List<Matcher> lines) {
        List<String> names = new ArrayList<>();
        for (Matcher m : lines) names.add(m.group(1));
        return names;
    }

    /** Traces without -f, so one process and one deterministic sequence; setarch -R makes addresses repeat. */
    private static List<Matcher> trace(boolean raw, String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("renacer-decode-", ".txt");
        try {
            List<String> argv = new ArrayList<>(List.of(setarch(), "x86_64", "-R", StraceReference.strace().toString(),
                    "-qq", "-o", out.toString()));
            if (raw) argv.addAll(List.of("-e", "raw=all"));
            if (command.startsWith("sh -c ")) argv.addAll(List.of("/bin/sh", "-c", command.substring(6)));
            else argv.addAll(List.of(command.split(" ")));
            Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("strace finished").isTrue();
            List<Matcher> lines = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) lines.add(m);
            }
            assertThat(lines).as("strace printed calls").isNotEmpty();
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String setarch() {
        for (String candidate : new String[] {"/usr/bin/setarch", "/bin/setarch"}) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        throw new AssertionError("setarch (util-linux) is needed to turn address randomisation off");
    }
}
