package dev.renacer.syscall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real strace (the reference renacer must match) and collects the syscall names it printed.
 * A missing strace is a test failure, not a skip: CI installs it, and without it nothing is checked.
 */
public final class StraceReference {
    /** Touches every class strace has: files, descriptors, processes, signals, network, creds, clock, ipc. */
    public static final String[] WORKLOAD = {
        "/bin/sh", "-c",
        "ls -l / >/dev/null; cat /etc/hostname >/dev/null; id >/dev/null; stat -f / >/dev/null; kill -0 $$;"
            + " getent hosts localhost >/dev/null;"
            + " perl -e 'my $t = \"\\0\" x 16; syscall(228, 0, $t); syscall(96, $t, 0); syscall(64, 0, 0, 0);'; exit 0",
    };

    /** "1234  openat(" with -f; also the "<... read resumed>" form does not start a call, so it is not matched. */
    private static final Pattern CALL = Pattern.compile("^\\d+\\s+([a-z0-9_]+)\\(");

    private StraceReference() {}

    public static Path strace() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, "strace");
            if (Files.isExecutable(candidate)) return candidate;
        }
        Path usual = Path.of("/usr/bin/strace");
        if (Files.isExecutable(usual)) return usual;
        throw new AssertionError("strace is not installed: these tests compare renacer with strace 6.1 and cannot run without it");
    }

    /** The names of the syscalls strace printed when tracing {@code command} with {@code -e trace=spec} (null: all). */
    public static Set<String> tracedNames(String spec, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("renacer-strace-", ".txt");
        try {
            List<String> argv = new ArrayList<>(List.of(strace().toString(), "-f", "-qq", "-o", out.toString()));
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
}
