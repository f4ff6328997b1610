package dev.renacer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Runs the real strace, the reference renacer must agree with. */
public final class Strace {
    private Strace() {}

    public record Run(int exitCode, List<String> lines, String stdout) {}

    /** strace OPTIONS -o FILE -- COMMAND, its exit code, the trace lines and the command's stdout. */
    public static Run run(List<String> options, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("strace", ".txt");
        Path stdout = Files.createTempFile("strace", ".stdout");
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
            return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), Files.readString(stdout));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(stdout);
        }
    }

    public static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "strace");
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new IllegalStateException("strace is not installed: the tests compare renacer with it (apt-get install strace)");
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
