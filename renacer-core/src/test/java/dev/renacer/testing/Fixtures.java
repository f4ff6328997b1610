package dev.renacer.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The C programs of fixtures/, compiled by the build (system property renacer.fixtures). */
public final class Fixtures {
    private Fixtures() {}

    public static String path(String name) {
        String dir = System.getProperty("renacer.fixtures");
        if (dir == null) throw new IllegalStateException("system property renacer.fixtures is not set (run through Maven)");
        Path p = Path.of(dir, name);
        if (!Files.isExecutable(p)) throw new IllegalStateException("fixture not built: " + p);
        return p.toString();
    }

    /** The executable renacer jar (system property renacer.jar), for tests that run the CLI as a user does. */
    public static Path renacerJar() {
        String jar = System.getProperty("renacer.jar");
        if (jar == null || !Files.exists(Path.of(jar))) throw new IllegalStateException("renacer.jar not built: " + jar);
        return Path.of(jar);
    }
}
