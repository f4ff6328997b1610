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

    @Test
    void itIsExecutedFromASealedMemfdNotFromAFile() throws Exception {
        String path = Trampoline.path();
        assertThat(path).startsWith("/proc/self/fd/");
        int fd = Integer.parseInt(path.substring("/proc/self/fd/".length()));
        assertThat(Files.readSymbolicLink(Path.of(path)).toString()).startsWith("/memfd:renacer-exec");
        assertThat(CheckedLibC.INSTANCE.fcntl(fd, F_GET_SEALS, 0) & ShippedBinary.ALL_SEALS).isEqualTo(ShippedBinary.ALL_SEALS);
        assertThat(Files.readAllBytes(Path.of(path))).isEqualTo(ShippedBinary.bytes(Trampoline.NAME));
    }

    @Test
    void theSignalLibraryIsLoadedFromSealedMemoryToo() throws Exception {
        String path = ShippedBinary.path(SignalLibrary.NAME);
        assertThat(path).startsWith("/proc/self/fd/");
        SignalLibrary.load();
        assertThat(Files.readString(Path.of("/proc/self/maps"))).contains("/memfd:" + SignalLibrary.NAME);
    }

    @Test
    void theFallbackCopyIsOwnerOnlyInAPrivateDirectoryAndNeverReplacesAFile(@TempDir Path parent) throws Exception {
        Path dir = PrivateDirectory.create(parent);
        Path copy = ShippedBinary.copyTo(dir, Trampoline.NAME, ShippedBinary.bytes(Trampoline.NAME));
        assertThat(PrivateDirectory.mode(copy) & 0777).isEqualTo(0700);
        assertThat(Files.readAllBytes(copy)).isEqualTo(ShippedBinary.bytes(Trampoline.NAME));
        assertThatThrownBy(() -> ShippedBinary.copyTo(dir, Trampoline.NAME, ShippedBinary.bytes(Trampoline.NAME))).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        Path open = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> ShippedBinary.copyTo(open, Trampoline.NAME, ShippedBinary.bytes(Trampoline.NAME))).hasMessageContaining("writable by other users");
    }
}
