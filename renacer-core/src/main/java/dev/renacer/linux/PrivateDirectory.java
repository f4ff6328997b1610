package dev.renacer.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory that only renacer's own user can write, made fresh for this run (mkdir'd, mode
 * 0700) and removed at exit. renacer often runs as root: anything it executes or loads from disk
 * must come from here, never from a shared or pre-existing place another user could have made or
 * could write (a {@code /tmp/renacer-root} created beforehand by another user, a {@code $HOME}
 * kept by {@code sudo -E}).
 */
public final class PrivateDirectory {
    private static final int OTHERS_WRITE = 0002;
    private static final int GROUP_WRITE = 0020;
    private static final int STICKY = 01000;
    private static Path current;

    private PrivateDirectory() {}

    /** This run's directory under {@code java.io.tmpdir}, created on first use. */
    public static synchronized Path get() throws IOException {
        if (current == null) {
            current = create(Path.of(System.getProperty("java.io.tmpdir")));
            Runtime.getRuntime().addShutdownHook(new Cleanup(current));
        }
        return current;
    }

    /**
     * Makes a new private directory in {@code parent}. Refuses a parent that other users may write
     * without the sticky bit (they could rename ours away and put theirs in its place) and one that is
     * a symbolic link.
     */
    static Path create(Path parent) throws IOException {
        if (Files.isSymbolicLink(parent)) throw new IOException(parent + " is a symbolic link: not a safe place for renacer's files");
        int parentMode = mode(parent);
        if ((parentMode & (OTHERS_WRITE | GROUP_WRITE)) != 0 && (parentMode & STICKY) == 0) {
            throw new IOException(parent + " is writable by other users and not sticky: not a safe place for renacer's files (set TMPDIR)");
        }
        Path dir = null;
        // renacer-PID-N, made by mkdir(2) (fails on anything already there, a symbolic link included): a name
        // another user made first is passed over, never used. Not Files.createTempDirectory: its random name
        // initialises SecureRandom and the security providers, 11-30 ms of each start (README, Start-up).
        String prefix = "renacer-" + Files.readSymbolicLink(Path.of("/proc/self")) + "-"; // the pid (ProcessHandle: 7 ms of start-up)
        for (int n = 0; dir == null && n < 16; n++) {
            try {
                dir = Files.createDirectory(parent.resolve(prefix + n), OWNER_ONLY);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: the next name
            }
        }
        if (dir == null) dir = Files.createTempDirectory(parent, "renacer-", OWNER_ONLY); // 16 names taken
        check(dir);
        return dir;
    }

    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** Owned by renacer's effective user, a real directory, writable by nobody else; else IOException. */
    static void check(Path dir) throws IOException {
        check(dir, effectiveUid());
    }

    private static void check(Path dir, int euid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException(dir + " is not a directory");
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != euid) throw new IOException(dir + " is owned by uid " + owner + ", not by renacer's user (uid " + euid + ")");
        if ((mode(dir) & (OTHERS_WRITE | GROUP_WRITE)) != 0) throw new IOException(dir + " is writable by other users");
    }

    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The effective uid, from /proc/self/status (its Uid: line is real, effective, saved, filesystem, separated by
     * tabs). Split on the tab, which String.split does without a regex: this runs on the warm-up thread at start,
     * where the JVM's first regex (Pattern's classes and compilation, interpreted) cost 5 ms of CPU.
     */
    static int effectiveUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) return Integer.parseInt(line.substring(4).trim().split("\t")[1]);
        }
        throw new IOException("/proc/self/status has no Uid line");
    }

    /**
     * Removes this run's directory now, if one was made: for an exit that runs no shutdown hook (renacer dying by
     * its command's signal, as strace does), which left one behind at every such run.
     */
    public static synchronized void removeNow() {
        if (current != null) deleteTree(current);
    }

    /** Removes the directory at exit. A class, not a lambda: main's first invokedynamic costs ms of start-up. */
    private static final class Cleanup extends Thread {
        private final Path dir;

        Cleanup(Path dir) {
            super("renacer-cleanup");
            this.dir = dir;
        }

        @Override
        public void run() {
            deleteTree(dir);
            try {
                removeStale(dir.getParent(), effectiveUid());
            } catch (IOException | RuntimeException e) {
                // at exit: nothing more to do than leave them
            }
        }
    }

    /**
     * Removes the private directories of earlier runs that could not remove their own (renacer killed by SIGKILL, or
     * become its command under -D): in {@code parent}, each {@code renacer-PID-N} whose process is gone and that is a
     * real directory owned by {@code euid} and writable by nobody else ({@link #check}); its contents go the same way,
     * no link followed. Another user's, a link, a directory of a live process, any other name: left alone. Done at
     * exit, off the start's critical path; only where /proc shows this process (a pid is looked up there).
     */
    static void removeStale(Path parent, int euid) throws IOException {
        if (parent == null || !Files.isDirectory(Path.of("/proc/self"))) return;
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                String pid = pidOfRun(entry.getFileName().toString());
                if (pid == null || Files.exists(Path.of("/proc", pid), LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    check(entry, euid);
                } catch (IOException e) {
                    continue; // not ours, or not a safe one to touch
                }
                deleteTree(entry);
            }
        }
    }

    /** The PID of a name {@code renacer-PID-N} (as {@link #create} makes them), or null for any other name. */
    static String pidOfRun(String name) {
        if (!name.startsWith("renacer-")) return null;
        int dash = name.indexOf('-', 8);
        if (dash <= 8 || dash == name.length() - 1) return null;
        for (int i = 8; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i != dash && (c < '0' || c > '9')) return null;
        }
        return name.substring(8, dash);
    }

    /**
     * Deletes {@code dir} and what is in it, following no symbolic link. A loop over File.listFiles, not Files.walk
     * and a sorted stream: that pipeline, interpreted, was 3 ms of CPU (under the
     * profiler) on every exit's critical path.
     */
    private static void deleteTree(Path dir) {
        try {
            java.io.File[] entries = dir.toFile().listFiles();
            if (entries != null) {
                for (java.io.File entry : entries) {
                    if (Files.isDirectory(entry.toPath(), LinkOption.NOFOLLOW_LINKS)) deleteTree(entry.toPath());
                    else entry.delete();
                }
            }
            dir.toFile().delete();
        } catch (RuntimeException e) {
            // at exit: nothing more to do than leave it
        }
    }
}
