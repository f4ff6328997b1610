package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Errno;
import dev.renacer.syscall.ResultKind;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.syscall.TraceeMemory;
import dev.renacer.testing.Strace;
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
            ArgKind.OPEN_MODE, ArgKind.MODE, ArgKind.MAP_FLAGS, ArgKind.FCNTL_CMD, ArgKind.SIGNAL, ArgKind.CLONE_FLAGS,
            ArgKind.CLOCKID, ArgKind.IOCTL_CMD, ArgKind.SOCKET_TYPE, ArgKind.SOCKET_PROTOCOL, ArgKind.PTR_OUT,
            ArgKind.STATX_FLAGS, ArgKind.SOCKOPT_NAME, ArgKind.SKIPPED, ArgKind.IOPRIO, ArgKind.KCMP_TYPE);

    /** Calls that return a process or thread id, which differs between the two runs. */
    private static final Set<String> RETURN_IDS = Set.of("set_tid_address", "getpid", "gettid", "getppid", "clone",
            "clone3", "fork", "vfork", "wait4", "waitid", "getpgrp", "getpgid", "getsid", "setsid");

    /** Sockets, locks, seeks, memory advice and signal handlers, each with values a decoder names. */
    private static final String PERL = "use Socket; use Fcntl qw(:flock SEEK_CUR);"
            + " socket(my $s, AF_INET, SOCK_STREAM, 0); socket(my $u, AF_UNIX, SOCK_DGRAM, 0);"
            + " socket(my $v, AF_INET6, SOCK_DGRAM, IPPROTO_UDP); open(my $f, '<', '/etc/hostname');"
            + " flock($f, LOCK_SH|LOCK_NB); sysseek($f, 1, SEEK_CUR); kill 0, 1;"
            + " syscall(9, 0, 4096, 1, 0x4022, -1, 0); syscall(28, 0, 0, 4); syscall(73, 99, 8); syscall(48, 99, 2);"
            + " syscall(291, 0x80000); syscall(290, 3, 0x80800); syscall(95, 077); $SIG{INT} = sub {};"
            + " setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1); setsockopt($s, IPPROTO_TCP, 1, 1);"
            + " syscall(252, 1, 0); syscall(251, 1, 0, 16388); syscall(252, 1, 0); syscall(251, 9, 0, -1);"
            + " syscall(312, 1, 1, 1, 0, 0); syscall(312, 1, 1, 0, 0, 1); syscall(312, 1, 1, 99, 5, 0);"
            + " syscall(144, 0, 0, 0); syscall(144, 0, 0x40000003, 0); syscall(287, 99, 0); syscall(289, -1, 0, 8, 0x10);";

    private static final Pattern LINE = Pattern.compile("^([a-z0-9_]+)\\((.*)\\)\\s+= (.*)$");
    private static final TraceeMemory NOTHING_READABLE = (tid, address, dst, offset, length) -> -1;

    @ParameterizedTest
    @ValueSource(strings = {"cat /etc/hostname /nonexistent-renacer", "ls -l /usr", "dd if=/dev/zero of=/dev/null bs=7 count=3 status=none",
        "sh -c : >/dev/null; umask 027; cd /tmp; exec 3</etc/hostname; exec 4>&3; exec 3<&-",
        "perl -e " + PERL})
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

            if (SyscallTable.known(number) && !undecoded(number)) {
                StringBuilder out = new StringBuilder();
                int from = decoder.decodeEntry(1, number, args, 0, out);
                decoder.decodeExit(1, number, args, from, returnValue, out, new StringBuilder());
                String expected = decoded.get(line).group(2);
                if (registerOnly(number)) {
                    assertThat(out.toString()).as("line %d: %s", line + 1, decoded.get(line).group(0)).isEqualTo(expected);
                    argumentsCompared++;
                } else if (oneTextPerArgument(number)) {
                    // Arguments in tracee memory print as addresses here; compare the others one by one.
                    List<String> ours = splitArguments(out.toString());
                    List<String> theirs = splitArguments(expected);
                    assertThat(ours).as("argument count, line %d: %s", line + 1, decoded.get(line).group(0))
                            .hasSameSizeAs(theirs);
                    ArgKind[] kinds = kinds(number);
                    for (int a = 0; a < ours.size(); a++) {
                        if (!REGISTER_ONLY.contains(kinds[a])) continue;
                        assertThat(ours.get(a)).as("argument %d, line %d: %s", a, line + 1, decoded.get(line).group(0))
                                .isEqualTo(theirs.get(a));
                        argumentsCompared++;
                    }
                }
            }
            if (!annotated(number, rawResult, expectedResult) && !RETURN_IDS.contains(name)) {
                StringBuilder out = new StringBuilder();
                int from = decoder.decodeEntry(1, number, args, 0, new StringBuilder());
                decoder.decodeExit(1, number, args, from, returnValue, new StringBuilder(), out);
                assertThat(out.toString()).as("result of line %d: %s", line + 1, decoded.get(line).group(0))
                        .isEqualTo(expectedResult);
                resultsCompared++;
            }
        }
        assertThat(argumentsCompared).as("arguments compared").isGreaterThan(20);
        assertThat(resultsCompared).as("results compared").isGreaterThan(20);
    }

    private static ArgKind[] kinds(int number) {
        ArgKind[] kinds = new ArgKind[SyscallTable.argumentCount(number)];
        for (int i = 0; i < kinds.length; i++) kinds[i] = SyscallTable.argumentKind(number, i);
        return kinds;
    }

    private static boolean undecoded(int number) {
        for (ArgKind kind : kinds(number)) if (kind == ArgKind.UNDECODED) return true;
        return false;
    }

    /** False for the kinds that print several comma-separated pieces (clone, futex, fcntl). */
    private static boolean oneTextPerArgument(int number) {
        for (ArgKind kind : kinds(number)) {
            if (kind == ArgKind.CLONE_FLAGS || kind == ArgKind.CLONE_TIDS || kind == ArgKind.FUTEX_OP
                    || kind == ArgKind.FCNTL_CMD || kind == ArgKind.KCMP_TYPE || kind == ArgKind.SKIPPED) {
                return false;
            }
        }
        return true;
    }

    /** Splits an argument list at the commas outside strings, brackets and braces. */
    static List<String> splitArguments(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') i++;
                else if (ch == '"') inString = false;
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                depth++;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!text.isBlank()) parts.add(text.substring(start).strip());
        return parts;
    }

    private static boolean registerOnly(int number) {
        for (ArgKind kind : kinds(number)) if (!REGISTER_ONLY.contains(kind)) return false;
        return SyscallTable.known(number);
    }

    /** Results strace annotates from memory (poll's ready descriptors) or that renacer does not annotate yet. */
    private static boolean annotated(int number, String rawResult, String expectedResult) {
        return (!rawResult.startsWith("-1 ") && expectedResult.contains("(")
                && SyscallTable.resultKind(number) != ResultKind.FCNTL && SyscallTable.resultKind(number) != ResultKind.PRCTL
                && SyscallTable.resultKind(number) != ResultKind.IOPRIO)
                || SyscallTable.resultKind(number) == ResultKind.POLL; // needs tracee memory

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
            List<String> argv = new ArrayList<>(List.of(setarch(), "x86_64", "-R", Strace.executable(),
                    "-qq", "-o", out.toString()));
            if (raw) argv.addAll(List.of("-e", "raw=all"));
            if (command.startsWith("sh -c ")) argv.addAll(List.of("/bin/sh", "-c", command.substring(6)));
            else if (command.startsWith("perl -e ")) argv.addAll(List.of("perl", "-e", command.substring(8)));
            else argv.addAll(List.of(command.split(" ")));
            ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // perl randomises its hashes per run, which changes its heap; the two runs must be alike.
            builder.environment().put("PERL_HASH_SEED", "0");
            builder.environment().put("PERL_PERTURB_KEYS", "0");
            Process p = builder.start();
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
