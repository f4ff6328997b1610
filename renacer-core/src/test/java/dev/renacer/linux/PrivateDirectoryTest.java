package dev.renacer.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where renacer puts a file it will execute or load: made by it, for it alone, in a place nobody can swap. */
class PrivateDirectoryTest {

    @Test
    void aNewDirectoryIsOwnedByUsAndOpenToNobodyElse(@TempDir Path parent) throws Exception {
        Path dir = PrivateDirectory.create(parent);
        assertThat(dir.getParent()).isEqualTo(parent);
        assertThat(PrivateDirectory.mode(dir) & 0777).isEqualTo(0700);
        assertThat((Integer) Files.getAttribute(dir, "unix:uid")).isEqualTo(PrivateDirectory.effectiveUid());
        assertThat(PrivateDirectory.create(parent)).isNotEqualTo(dir);
    }

    @Test
    void aParentOthersMayWriteWithoutTheStickyBitIsRefused(@TempDir Path tmp) throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PrivateDirectory.create(open)).isInstanceOf(IOException.class)
                .hasMessageContaining("writable by other users and not sticky");
        Path sticky = Files.createDirectory(tmp.resolve("sticky"));
        new ProcessBuilder("chmod", "1777", sticky.toString()).start().waitFor();
        assertThat(PrivateDirectory.create(sticky)).exists(); // as /tmp
    }

    @Test
    void aSymbolicLinkAsParentIsRefused(@TempDir Path tmp) throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp);
        assertThatThrownBy(() -> PrivateDirectory.create(link)).hasMessageContaining("symbolic link");
    }

    @Test
    void aDirectoryOfAnotherUserOrOpenToOthersFailsTheCheck(@TempDir Path tmp) throws Exception {
        Path theirs = Files.createDirectory(tmp.resolve("theirs"));
        assertThat(new ProcessBuilder("chown", "65534", theirs.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> PrivateDirectory.check(theirs)).hasMessageContaining("owned by uid 65534");
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PrivateDirectory.check(open)).hasMessageContaining("writable by other users");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Files.createDirectory(tmp.resolve("mine")));
        assertThatThrownBy(() -> PrivateDirectory.check(link)).hasMessageContaining("not a directory");
    }
}
