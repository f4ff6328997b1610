package dev.renacer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the renacer executable jar as a user does: {@code java -jar renacer.jar ARGS}. */
public final class Renacer {
    private Renacer() {}

    public record Run(int exitCode, String stdout, String stderr) {
        public List<String> stderrLines() { return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n")); }
    }

    public static Run run(List<String> args) throws IOException, InterruptedException {
        return run(args, Map.of());
    }

    public static Run run(List<String> args, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Process p = start(args, extraEnv);
        return finish(p);
    }

    /** Starts renacer with its stderr going to {@code stderr} (a file survives Process.destroy(), a pipe does not). */
    public static Process start(List<String> args, Map<String, String> extraEnv, Path stderr) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-jar");
        argv.add(Fixtures.renacerJar().toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(stderr.toFile());
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    /** Waits (bounded) until {@code file} has a line equal to {@code line}. */
    public static boolean awaitLine(Path file, String line) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(file) && Files.readAllLines(file).contains(line)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits (bounded) until {@code file} contains {@code text}. */
    public static boolean awaitText(Path file, String text) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(file) && Files.readString(file).contains(text)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    public static Process start(List<String> args, Map<String, String> extraEnv) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-jar");
        argv.add(Fixtures.renacerJar().toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    public static Run finish(Process p) throws IOException, InterruptedException {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Thread t1 = new Thread(() -> copy(p.getInputStream(), out));
        Thread t2 = new Thread(() -> copy(p.getErrorStream(), err));
        t1.start();
        t2.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("renacer did not finish");
        }
        t1.join();
        t2.join();
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(java.io.InputStream in, java.io.OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public static Path tempFile(String suffix) throws IOException {
        return Files.createTempFile("renacer", suffix);
    }
}
