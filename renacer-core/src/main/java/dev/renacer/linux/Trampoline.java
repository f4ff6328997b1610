package dev.renacer.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;

/**
 * The launch trampoline (src/main/c/renacer-exec.c), shipped in the jar and copied once into a
 * per-user cache directory. Why a C helper and not a shell: the target must get exactly the argv[0]
 * the user typed and exactly renacer's environment. dash cannot set argv[0]; bash's {@code exec -a}
 * can, but bash adds PWD and SHLVL when they are missing and reorders the environment (measured:
 * {@code env -i FOO=1 bash -c 'exec -a x /usr/bin/env'} prints PWD=, FOO=1, SHLVL=0).
 */
public final class Trampoline {
    private static final String RESOURCE = "renacer-exec";
    private static volatile Path cached;

    private Trampoline() {}

    /** Path of an executable copy of the trampoline, extracted on first use. */
    public static Path path() throws IOException {
        Path p = cached;
        if (p == null) {
            synchronized (Trampoline.class) {
                if (cached == null) cached = extract();
                p = cached;
            }
        }
        return p;
    }

    private static Path extract() throws IOException {
        byte[] bytes;
        try (InputStream in = Trampoline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("the launch trampoline is missing from the jar (rebuild with gcc installed)");
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String uid = System.getProperty("user.name", "user");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "renacer-" + uid);
        Files.createDirectories(dir);
        Path target = dir.resolve(RESOURCE + "-" + Long.toHexString(crc.getValue()));
        if (Files.isExecutable(target) && Files.size(target) == bytes.length
                && Files.getOwner(target).getName().equals(uid)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, RESOURCE, ".tmp");
        Files.write(tmp, bytes);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
