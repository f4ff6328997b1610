package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --otlp-file} from the command line when the file cannot take it all: no success claimed, no half line left. */
class OtlpFileLimitsIT {

    @Test
    void aWriteThatFailsPartWayLeavesOnlyWholeLinesAndCountsTheRestAsLost(@TempDir Path dir) throws Exception {
        // files of at most 1 MiB (RLIMIT_FSIZE, in 512-byte blocks for dash): the file fills mid-line
        Path file = dir.resolve("limited.jsonl");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "ulimit -f 2048; exec " + Shell.quote(javaCommand) + " -jar "
                + Shell.quote(Fixtures.renacerJar()) + " -o /dev/null --otlp-file "
                + Shell.quote(file) + " -- " + Shell.quote(Fixtures.path("syscall_heavy")) + " 3000";
        Shell.Result run = Shell.run(script);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("cannot write the OTLP file " + file + ": File too large").doesNotContain(" 0 dropped");
        assertThat(Files.size(file)).isPositive().isLessThanOrEqualTo(1024 * 1024);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[bytes.length - 1]).as("the file ends with a whole line").isEqualTo((byte) '\n');
        long spansInFile = 0;
        for (String line : Files.readAllLines(file)) spansInFile += Received.spans(List.of(FileExportTest.decode(line))).size();
        java.util.regex.Matcher exported = java.util.regex.Pattern.compile("otlp: (\\d+) spans exported").matcher(run.err());
        assertThat(exported.find()).as(run.err()).isTrue();
        assertThat(spansInFile).as("what is said exported is what the file holds").isEqualTo(Long.parseLong(exported.group(1)));
    }

}
