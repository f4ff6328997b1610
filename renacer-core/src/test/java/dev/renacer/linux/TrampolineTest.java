package dev.renacer.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trampoline runs from memory nobody can change, or else from an owner-only private copy; and it never
 * outlives, stopped, the renacer that started it.
 */
class TrampolineTest {
    private static final int F_GET_SEALS = 1034;

    @Test
    void itIsExecutedFromASealedMemfdNotFromAFile() throws Exception {
        String path = Trampoline.path();
        assertThat(path).startsWith("/proc/self/fd/");
        int fd = Integer.parseInt(path.substring("/proc/self/fd/".length()));
        assertThat(Files.readSymbolicLink(Path.of(path)).toString()).startsWith("/memfd:renacer-exec");
        assertThat(CheckedLibC.fcntl(fd, F_GET_SEALS, 0) & ShippedBinary.ALL_SEALS).isEqualTo(ShippedBinary.ALL_SEALS);
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

    /**
     * A shell plays renacer: it starts the trampoline as renacer does (-P, its own pid), waits until the trampoline
     * has stopped itself for the seize, and dies instead of seizing it, as a renacer killed at that moment would.
     * The trampoline must not stay stopped and orphaned: it dies with its parent.
     */
    @Test
    void aTrampolineWhoseRenacerDiedBeforeTheSeizeDoesNotStayStopped(@TempDir Path parent) throws Exception {
        Path copy = ShippedBinary.copyTo(PrivateDirectory.create(parent), Trampoline.NAME, ShippedBinary.bytes(Trampoline.NAME));
        String script = "'" + copy + "' -P $$ -- /bin/sleep sleep 600 </dev/null >/dev/null 2>&1 & pid=$!; "
                + "until grep -q '^State:.*\\(stopped\\|zombie\\)' /proc/$pid/status 2>/dev/null || ! kill -0 $pid; do :; done; echo $pid";
        Process shell = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        assertThat(shell.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long pid = Long.parseLong(new String(shell.getInputStream().readAllBytes()).strip());
        try {
            assertThat(gone(pid)).as("trampoline %d, its parent gone: %s", pid, state(pid)).isTrue();
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // ours, by pid: never left behind by this test
        }
    }

    /** Started by a parent that is not the renacer it names (renacer died before it ran): it exits at once, unstopped. */
    @Test
    void aTrampolineStartedForARenacerAlreadyGoneExits127(@TempDir Path parent) throws Exception {
        Path copy = ShippedBinary.copyTo(PrivateDirectory.create(parent), Trampoline.NAME, ShippedBinary.bytes(Trampoline.NAME));
        Process trampoline = new ProcessBuilder(copy.toString(), "-P", "1", "--", "/bin/true", "true").start();
        try {
            assertThat(trampoline.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(trampoline.exitValue()).isEqualTo(127);
        } finally {
            trampoline.destroyForcibly();
        }
    }

    /** Whether {@code pid} is gone or a zombie within 30 s (it is killed at once; the wait only covers a loaded machine). */
    private static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String state = state(pid);
            if (state.isEmpty() || state.startsWith("Z")) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private static String state(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("State:")).findFirst().orElse("").substring("State:".length()).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
