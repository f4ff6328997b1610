package dev.renacer.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Chromium for looking at the report as a browser draws it (the flags renacer-core's HTML
 * test uses: no network, no sandbox, a fresh profile). Missing Chromium skips locally and fails in CI.
 */
final class Chromium {
    private Chromium() {}

    static Path executable() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        if (System.getenv("CI") != null) fail("chromium is not installed; the report cannot be checked (apt-get install chromium)");
        Assumptions.abort("chromium is not installed");
        return null;
    }

    static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, "--dump-dom");
    }

    static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        run(html, "--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.exists(png)) fail("chromium wrote no screenshot");
    }

    private static String run(Path html, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("renacer-bench-chromium");
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Path out = Files.createTempFile("renacer-bench-chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
