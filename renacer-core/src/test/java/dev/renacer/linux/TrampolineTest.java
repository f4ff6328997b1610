package dev.renacer.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trampoline runs from memory nobody can change, or else from an owner-only private copy. */
class TrampolineTest {
    private static final int F_GET_SEALS = 1034;
    private static final int ALL_SEALS = 0x1 | 0x2 | 0x4 | 0x8;

    @Test
    void itIsExecutedFromASealedMemfdNotFromAFile() throws Exception {
        String path = Trampoline.path();
        assertThat(path).startsWith("/proc/self/fd/");
        int fd = Integer.parseInt(path.substring("/proc/self/fd/".length()));
        assertThat(Files.readSymbolicLink(Path.of(path)).toString()).startsWith("/memfd:renacer-exec");
        assertThat(CheckedLibC.INSTANCE.fcntl(fd, F_GET_SEALS, 0) & ALL_SEALS).isEqualTo(ALL_SEALS);
        assertThat(Files.readAllBytes(Path.of(path))).isEqualTo(Trampoline.bytes());
    }

    @Test
    void theFallbackCopyIsOwnerOnlyInAPrivateDirectoryAndNeverReplacesAFile(@TempDir Path parent) throws Exception {
        Path dir = PrivateDirectory.create(parent);
        Path copy = Trampoline.copyTo(dir, Trampoline.bytes());
        assertThat(PrivateDirectory.mode(copy) & 0777).isEqualTo(0700);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Trampoline.bytes());
        assertThatThrownBy(() -> Trampoline.copyTo(dir, Trampoline.bytes())).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        Path open = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> Trampoline.copyTo(open, Trampoline.bytes())).hasMessageContaining("writable by other users");
    }
}
