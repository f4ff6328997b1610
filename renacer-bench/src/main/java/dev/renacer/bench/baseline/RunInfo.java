package dev.renacer.bench.baseline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Where and on what a run was measured: the machine (host, CPU model, cores, memory, kernel), the
 * JDK, and the git commit the jar was built from (written into the jar by the build).
 */
public final class RunInfo {
    private RunInfo() {}

    public static ObjectNode describe(List<String> arguments) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode info = f.objectNode();
        info.put("created", Instant.now().toString());
        info.set("arguments", f.arrayNode().addAll(arguments.stream().map(f::textNode).toList()));
        ObjectNode machine = info.putObject("machine");
        machine.put("host", hostName());
        machine.put("cpu", procField("/proc/cpuinfo", "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", procField("/proc/meminfo", "MemTotal"));
        machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("loadAverage", procLine("/proc/loadavg"));
        ObjectNode jdk = info.putObject("jdk");
        jdk.put("version", System.getProperty("java.version"));
        jdk.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        jdk.put("vendor", System.getProperty("java.vendor"));
        ObjectNode git = info.putObject("git");
        Properties build = build();
        git.put("commit", build.getProperty("git.commit", "unknown"));
        git.put("dirty", Boolean.parseBoolean(build.getProperty("git.dirty", "false")));
        return info;
    }

    /** The commit this jar was built from, with "+changes" when the tree was not clean. */
    public static String commit() {
        Properties p = build();
        return p.getProperty("git.commit", "unknown") + (Boolean.parseBoolean(p.getProperty("git.dirty")) ? "+changes" : "");
    }

    /** One line: "cores x CPU, memory, kernel", for the report and the gate. */
    public static String machineLine() {
        return Runtime.getRuntime().availableProcessors() + " x " + procField("/proc/cpuinfo", "model name") + ", "
                + procField("/proc/meminfo", "MemTotal") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", JDK " + System.getProperty("java.version");
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = RunInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // no build info: "unknown"
        }
        return p;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String procField(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) return line.substring(colon + 1).trim();
            }
        } catch (IOException ignored) {
            // not Linux, or unreadable: unknown
        }
        return "unknown";
    }

    private static String procLine(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
