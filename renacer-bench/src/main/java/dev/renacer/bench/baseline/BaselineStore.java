package dev.renacer.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Saved runs, one JSON file per name: {@code {"info": {machine, JDK, git commit, ...}, "jmh": [JMH's
 * JSON with every raw sample]}}. The folder is {@code -Drenacer.baselines=DIR}, else
 * {@code $RENACER_BASELINES}, else {@code baselines/} beside the jar's {@code target/} folder
 * (renacer-bench/baselines: {@code mvn clean} leaves it alone).
 */
public final class BaselineStore {
    public static final String DIRECTORY_PROPERTY = "renacer.baselines";
    public static final String DIRECTORY_VARIABLE = "RENACER_BASELINES";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;

    public BaselineStore(Path directory) {
        this.directory = directory;
    }

    /** A saved run. */
    public record Baseline(String name, JsonNode info, List<JmhResult> results) {}

    public static BaselineStore fromEnvironment(Path jar) {
        String dir = System.getProperty(DIRECTORY_PROPERTY, System.getenv(DIRECTORY_VARIABLE));
        if (dir != null && !dir.isBlank()) return new BaselineStore(Path.of(dir));
        Path jarDir = jar.toAbsolutePath().getParent();
        Path home = jarDir.getFileName() != null && jarDir.getFileName().toString().equals("target") ? jarDir.getParent() : jarDir;
        return new BaselineStore(home.resolve("baselines"));
    }

    public Path directory() {
        return directory;
    }

    public Path file(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("baseline name '" + name + "': use letters, digits, '.', '_' and '-'");
        }
        return directory.resolve(name + ".json");
    }

    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    /** Writes atomically (a new file renamed over the old), so an interrupted save keeps the previous one. */
    public Path save(String name, ObjectNode info, JsonNode jmhResults) throws IOException {
        Files.createDirectories(directory);
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.set("info", info);
        root.set("jmh", jmhResults);
        Path target = file(name);
        Path tmp = Files.createTempFile(directory, name, ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    public Baseline load(String name) throws IOException {
        JsonNode root = JSON.readTree(file(name).toFile());
        JsonNode jmh = root.get("jmh");
        if (jmh == null || !jmh.isArray()) throw new IOException(file(name) + " is not a renacer-bench baseline (no \"jmh\" array)");
        return new Baseline(name, root.get("info"), JmhJson.read(jmh));
    }
}
