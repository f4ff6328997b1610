package dev.renacer.linux;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** main()'s arguments matched back to the kernel's bytes, or not at all. */
class RawArgumentsTest {
    private static final byte[] CMDLINE = "java\0-jar\0renacer.jar\0-o\0x\0--\0echo\0\u00ff\u00fe\0".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void theTailOfTheCommandLineIsTheArgumentsWithTheirOriginalBytes() {
        List<byte[]> words = RawArguments.split(CMDLINE);
        assertThat(words).hasSize(8);
        List<byte[]> raw = RawArguments.match(words, new String[] {"-o", "x", "--", "echo", "\ufffd\ufffd"}, StandardCharsets.UTF_8);
        assertThat(raw).hasSize(5);
        assertThat(raw.get(4)).containsExactly(0xff, 0xfe);
        assertThat(new String(raw.get(3), StandardCharsets.UTF_8)).isEqualTo("echo");
    }

    @Test
    void argumentsThatDoNotLineUpAreNotMatched() {
        List<byte[]> words = RawArguments.split(CMDLINE);
        assertThat(RawArguments.match(words, new String[] {"-o", "y", "--", "echo", "?"}, StandardCharsets.UTF_8)).isNull();
        assertThat(RawArguments.match(words.subList(0, 2), new String[] {"a", "b", "c"}, StandardCharsets.UTF_8)).isNull();
    }
}
