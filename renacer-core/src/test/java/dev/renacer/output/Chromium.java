package dev.renacer.output;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Chromium (Debian's {@code chromium}) for checking the HTML report as a browser sees it.
 * Missing Chromium skips the test locally and fails it in CI (env CI set), so CI cannot pass by
 * not looking.
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
        if (System.getenv("CI") != null) fail("chromium is not installed; the HTML report cannot be checked (apt-get install chromium)");
        Assumptions.abort("chromium is not installed");
        return null;
    }

    /** The DOM after Chromium loaded and laid out the file. */
    static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, "--dump-dom");
    }

    /** Writes a PNG of the page as a 1280-pixel-wide window shows it. */
    static void screenshot(Path html, Path png) throws IOException, InterruptedException {
        run(html, "--screenshot=" + png, "--window-size=1280,1600", "--hide-scrollbars");
        if (!Files.exists(png)) fail("chromium wrote no screenshot");
    }

    private static String run(Path html, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("renacer-chromium");
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Path out = Files.createTempFile("renacer-chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
