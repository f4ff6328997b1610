package dev.renacer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command traced by strace and by renacer with the same options, each writing its trace with
 * {@code -o} into a directory of its own, and the traces masked of what differs between any two runs
 * (addresses, pids, random bytes, a child's CPU times), so that a test can ask for equality.
 */
public final class SideBySide {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{6,}");
    /** A child's CPU times in a SIGCHLD siginfo: measured, so they differ run to run (and a nonzero one has a comment). */
    private static final Pattern CHILD_TIMES = Pattern.compile("(si_[us]time)=\\d+(?: /\\* [0-9.]+ s \\*/)?");
    private static final Pattern RANDOM_BYTES = Pattern.compile("getrandom\\(\"[^\"]*\"");
    private static final Pattern PID_SOURCES = Pattern.compile(
            "(?:getpid|gettid|getppid|set_tid_address|clone|clone3|fork|vfork|wait4|pidfd_open)\\(.*\\)\\s+= (\\d+)|si_pid=(\\d+)"
                    + "|Process PID=(\\d+)|^(\\d+) |^(?:kill|tgkill|pidfd_open)\\((\\d+),");

    private SideBySide() {}

    /** The traces of one run: the -o file(s) by name (one for -o FILE, one per task for -ff) and the exit status. */
    public record Run(int exitCode, Path directory, String stderr) {
        /** The lines of the -o file {@code name} in this run's directory. */
        public List<String> lines(String name) throws IOException {
            return Files.readAllLines(directory.resolve(name), StandardCharsets.ISO_8859_1);
        }

        /** The names of the files -ff wrote for {@code prefix} ({@code trace.1234}), in pid order. */
        public List<String> files(String prefix) throws IOException {
            try (var list = Files.list(directory)) {
                return list.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches(Pattern.quote(prefix) + "\\.\\d+"))
                        .sorted((a, b) -> Long.compare(Long.parseLong(a.substring(prefix.length() + 1)),
                                Long.parseLong(b.substring(prefix.length() + 1))))
                        .toList();
            }
        }
    }

    /** strace OPTIONS -o DIR/trace -- COMMAND, stdout to a pipe read to its end. */
    public static Run strace(List<String> options, List<String> command) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("strace");
        List<String> argv = new ArrayList<>(List.of(Strace.executable()));
        argv.addAll(options);
        argv.addAll(List.of("-o", dir.resolve("trace").toString(), "--"));
        argv.addAll(command);
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var err = new java.io.ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try (var in = p.getErrorStream()) {
                in.transferTo(err);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        p.getInputStream().readAllBytes();
        int code = p.waitFor();
        t.join();
        return new Run(code, dir, err.toString(StandardCharsets.UTF_8));
    }

    /** renacer OPTIONS -o DIR/trace -- COMMAND, as a user runs the jar. */
    public static Run renacer(List<String> options, List<String> command) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("renacer");
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-o", dir.resolve("trace").toString(), "--"));
        args.addAll(command);
        Renacer.Run run = Renacer.run(args);
        return new Run(run.exitCode(), dir, run.stderr());
    }

    /**
     * -ff runs: both wrote {@code tasks} per-task files, and each renacer file, pids masked, is strace's (files
     * compared in the order {@link Run#files} lists them). Returns strace's file names, for further checks.
     */
    public static List<String> assertSameTaskFiles(Run strace, Run renacer, int tasks) throws IOException {
        return assertSameTaskFiles(strace, renacer, tasks, true);
    }

    /**
     * As {@link #assertSameTaskFiles(Run, Run, int)}; unordered, each file's lines are compared as a multiset, for a
     * program whose own timing orders some of its lines (a child's SIGCHLD before or after the parent's wait4).
     */
    public static List<String> assertSameTaskFiles(Run strace, Run renacer, int tasks, boolean ordered) throws IOException {
        List<String> straceFiles = strace.files("trace");
        List<String> renacerFiles = renacer.files("trace");
        org.assertj.core.api.Assertions.assertThat(renacerFiles).hasSameSizeAs(straceFiles).hasSize(tasks);
        for (int i = 0; i < straceFiles.size(); i++) {
            List<String> expected = strace.lines(straceFiles.get(i));
            List<String> actual = renacer.lines(renacerFiles.get(i));
            Set<String> pids = pids(expected, actual);
            if (ordered) {
                org.assertj.core.api.Assertions.assertThat(masked(actual, pids)).as("task %d", i)
                        .containsExactlyElementsOf(masked(expected, pids));
            } else {
                org.assertj.core.api.Assertions.assertThat(masked(actual, pids)).as("task %d", i)
                        .containsExactlyInAnyOrderElementsOf(masked(expected, pids));
            }
        }
        return straceFiles;
    }

    /** The pids of both traces, to be masked in both alike. */
    public static Set<String> pids(List<String> a, List<String> b) {
        Set<String> pids = new LinkedHashSet<>();
        for (List<String> lines : List.of(a, b)) {
            for (String line : lines) {
                Matcher m = PID_SOURCES.matcher(line);
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) pids.add(m.group(g));
                }
            }
        }
        return pids;
    }

    /** Addresses, random bytes and the given pids masked; the padding before " = " of a line with a pid evened out. */
    public static List<String> masked(List<String> lines, Set<String> pids) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = ADDRESS.matcher(line).replaceAll("ADDR");
            l = RANDOM_BYTES.matcher(l).replaceAll("getrandom(\"RANDOM\"");
            l = CHILD_TIMES.matcher(l).replaceAll("$1=T");
            for (String pid : pids) {
                if (!l.matches(".*\\b" + pid + "\\b.*")) continue;
                l = l.replaceAll("\\b" + pid + "\\b", "PID").replaceAll(" +=", " =").replaceAll("^PID +", "PID ");
            }
            out.add(l);
        }
        return out;
    }
}
