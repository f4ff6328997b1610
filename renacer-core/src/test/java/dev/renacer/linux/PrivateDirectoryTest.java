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

    @Test
    void theNameOfARunsDirectoryGivesItsPid() {
        assertThat(PrivateDirectory.pidOfRun("renacer-123-0")).isEqualTo("123");
        assertThat(PrivateDirectory.pidOfRun("renacer-4194303-15")).isEqualTo("4194303");
        for (String other : new String[] {"renacer-", "renacer-12", "renacer-12-", "renacer--1", "renacer-1a-0", "renacer-1-0-0",
                "renacer-12-x", "renacer-live123.txt", "xrenacer-1-0", "renacer-threaded-1-0"}) {
            assertThat(PrivateDirectory.pidOfRun(other)).as(other).isNull();
        }
    }

    @Test
    void onlyOurOwnDirectoriesOfEndedRunsAreRemoved(@TempDir Path tmp) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long dead = ended.pid();
        assertThat(Path.of("/proc", Long.toString(dead))).doesNotExist();
        int euid = PrivateDirectory.effectiveUid();
        Path stale = privateDir(tmp.resolve("renacer-" + dead + "-0"));
        Files.write(stale.resolve("libjnidispatch.so"), new byte[] {1, 2, 3});
        Files.createDirectory(stale.resolve("sub"));
        Files.write(stale.resolve("sub").resolve("file"), new byte[] {4});
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.write(outside.resolve("keep"), new byte[] {5});
        Files.createSymbolicLink(stale.resolve("link"), outside);
        Path live = privateDir(tmp.resolve("renacer-" + ProcessHandle.current().pid() + "-0"));
        Path theirs = privateDir(tmp.resolve("renacer-" + dead + "-1"));
        assertThat(new ProcessBuilder("chown", "65534", theirs.toString()).start().waitFor()).isZero();
        Path open = privateDir(tmp.resolve("renacer-" + dead + "-2"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(tmp.resolve("renacer-" + dead + "-3"), outside);
        Path file = Files.write(tmp.resolve("renacer-" + dead + "-4"), new byte[] {6});
        Path otherName = privateDir(tmp.resolve("renacer-x" + dead));

        PrivateDirectory.removeStale(tmp, euid);

        assertThat(stale).as("an ended run's, ours").doesNotExist();
        assertThat(outside.resolve("keep")).as("not reached through a link").exists();
        assertThat(live).as("a live process's").exists();
        assertThat(theirs).as("another user's").exists();
        assertThat(open).as("one others may write").exists();
        assertThat(link).as("a link").exists();
        assertThat(file).as("a file").exists();
        assertThat(otherName).as("another name").exists();
    }

    private static Path privateDir(Path path) throws IOException {
        return Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
