package dev.renacer.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * renacer's own resources (the tables, JNA's and renacer's native parts) read straight from the jar the JVM runs
 * ({@code java -jar renacer.jar}): the class loader's lookup first asks every module of the JDK's image for the
 * name, then opens a {@code jar:} URL, which cost about 10 ms of CPU across a
 * start under the profiler (README, Performance,
 * Start-up). The jar is the one the classes come from, and the JVM has it open already (the central directory is
 * shared). Anywhere else (tests and IDEs run from class folders), the class loader's lookup.
 */
public final class OwnJar {
    private static final ZipFile JAR = open(System.getProperty("java.class.path", ""));

    private OwnJar() {}

    private static ZipFile open(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.indexOf(File.pathSeparatorChar) >= 0) return null;
        try {
            return new ZipFile(classPath);
        } catch (IOException | SecurityException e) {
            return null; // the class loader's lookup will do
        }
    }

    /**
     * The resource {@code name} (absolute, "/dev/renacer/syscall/errno.tbl"), or null when there is none, as
     * {@link Class#getResourceAsStream} answers.
     */
    public static InputStream open(Class<?> near, String name) throws IOException {
        if (JAR != null && name.startsWith("/")) {
            ZipEntry entry = JAR.getEntry(name.substring(1));
            if (entry != null) return JAR.getInputStream(entry);
        }
        return near.getResourceAsStream(name);
    }
}
