package dev.renacer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script with /bin/sh, as a user's shell runs renacer: the only way to hand a program bytes
 * that are not text in the JVM's charset, closed descriptors, ignored signals or a stale PWD.
 */
public final class Shell {
    private Shell() {}

    public record Result(int exitCode, byte[] stdout, byte[] stderr) {
        public String out() { return new String(stdout, StandardCharsets.UTF_8); }
        public String err() { return new String(stderr, StandardCharsets.UTF_8); }
    }

    /** The ./renacer launcher at the repository root (found from the built jar's place). */
    public static Path launcher() {
        return Fixtures.renacerJar().toAbsolutePath().getParent().getParent().getParent().resolve("renacer");
    }

    public static Result run(String script) throws IOException, InterruptedException {
        return run(script, Map.of());
    }

    public static Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = new Thread(() -> copy(p.getInputStream(), out));
        Thread t2 = new Thread(() -> copy(p.getErrorStream(), err));
        t1.start();
        t2.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish: " + script);
        }
        t1.join();
        t2.join();
        return new Result(p.exitValue(), out.toByteArray(), err.toByteArray());
    }

    /** {@code s} quoted for sh. */
    public static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
