package dev.renacer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real strace, the reference renacer must agree with. A missing strace is a test failure,
 * not a skip: CI installs it, and without it nothing is checked.
 */
public final class Strace {
    /**
     * Touches every class strace has: files, descriptors, processes, signals, network, creds, clock, ipc
     * (perl's syscall() takes numbers: 228 clock_gettime, 96 gettimeofday, 64 semget).
     */
    public static final String[] WORKLOAD = {
        "/bin/sh", "-c",
        "ls -l / >/dev/null; cat /etc/hostname >/dev/null; id >/dev/null; stat -f / >/dev/null; kill -0 $$;"
            + " getent hosts localhost >/dev/null;"
            + " perl -e 'my $t = \"\\0\" x 16; syscall(228, 0, $t); syscall(96, $t, 0); syscall(64, 0, 0, 0);'; exit 0",
    };

    /** "1234  openat(" with -f; also the "<... read resumed>" form does not start a call, so it is not matched. */
    private static final Pattern CALL = Pattern.compile("^\\d+\\s+([a-z0-9_]+)\\(");

    private Strace() {}

    /** The command's stdout is not captured: it is the test JVM's (see {@link #run}). */
    public record Run(int exitCode, List<String> lines) {}

    /** strace OPTIONS -o FILE -- COMMAND: its exit code and the trace lines. */
    public static Run run(List<String> options, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("strace", ".txt");
        try {
            List<String> argv = new ArrayList<>();
            argv.add(executable());
            argv.addAll(options);
            argv.add("-o");
            argv.add(out.toString());
            argv.add("--");
            argv.addAll(command);
            // the command's stdout is the test JVM's, as under renacer in-process: programs pick their
            // copy strategy by what stdout is (cat uses copy_file_range to a file, read/write to a pipe)
            Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("strace did not finish: " + argv);
            }
            return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The strace on PATH, else /usr/bin/strace. */
    public static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "strace");
            if (Files.isExecutable(p)) return p.toString();
        }
        Path usual = Path.of("/usr/bin/strace");
        if (Files.isExecutable(usual)) return usual.toString();
        throw new AssertionError("strace is not installed: the tests compare renacer with strace 6.1 and cannot run without it (apt-get install strace)");
    }

    /** The names of the syscalls strace printed when tracing {@code command} with {@code -e trace=spec} (null: all), -f. */
    public static Set<String> tracedNames(String spec, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("renacer-strace-", ".txt");
        try {
            List<String> argv = new ArrayList<>(List.of(executable(), "-f", "-qq", "-o", out.toString()));
            if (spec != null) argv.addAll(List.of("-e", "trace=" + spec));
            argv.addAll(List.of(command));
            Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("strace did not finish: " + argv);
            }
            if (process.exitValue() != 0) throw new AssertionError("strace failed (" + process.exitValue() + "): " + argv);
            Set<String> names = new TreeSet<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                Matcher m = CALL.matcher(line);
                if (m.find()) names.add(m.group(1));
            }
            return names;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * name -> "calls/errors" from a strace-style -c table (strace's, or renacer's, which prints the same):
     * the rows between the first two dividers.
     */
    public static Map<String, String> summaryTable(List<String> lines) {
        Map<String, String> counts = new TreeMap<>();
        int dividers = 0;
        for (String line : lines) {
            if (line.startsWith("------")) {
                dividers++;
                continue;
            }
            if (dividers != 1) continue;
            String[] t = line.trim().split("\\s+");
            String errors = t.length == 6 ? t[4] : "0";
            counts.put(t[t.length - 1], t[3] + "/" + errors);
        }
        return counts;
    }

    /** As {@link #summaryTable}, for the table strace prints after "System call usage summary for 32 bit mode:"; empty without one. */
    public static Map<String, String> i386SummaryTable(List<String> lines) {
        int heading = lines.indexOf("System call usage summary for 32 bit mode:");
        return heading < 0 ? new TreeMap<>() : summaryTable(lines.subList(heading + 1, lines.size()));
    }

    public static List<StraceLine> calls(List<String> lines) {
        List<StraceLine> calls = new ArrayList<>();
        for (String l : lines) {
            StraceLine c = StraceLine.parse(l);
            if (c != null) calls.add(c);
        }
        return calls;
    }
}
