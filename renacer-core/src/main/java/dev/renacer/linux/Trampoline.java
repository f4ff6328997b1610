package dev.renacer.linux;

import com.sun.jna.LastErrorException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The launch trampoline (src/main/c/renacer-exec.c), shipped in the jar. Why a C helper and not a
 * shell: the target must get exactly the argv[0] the user typed and exactly renacer's environment.
 * dash cannot set argv[0]; bash's {@code exec -a} can, but bash adds PWD and SHLVL when they are
 * missing and reorders the environment (measured: {@code env -i FOO=1 bash -c 'exec -a x /usr/bin/env'}
 * prints PWD=, FOO=1, SHLVL=0).
 *
 * <p>It is executed from a sealed memfd, never from a file: renacer often runs as root, and a copy in
 * a shared directory could be replaced by another user between writing and executing it. The memfd
 * is private to this process, sealed against writes, and close-on-exec; it is run as
 * {@code /proc/self/fd/N}, which the spawned child resolves in its own copy of our descriptors.
 * Where the kernel refuses executable memfds ({@code vm.memfd_noexec=2}), the copy goes to this run's
 * {@link PrivateDirectory} instead.
 */
public final class Trampoline {
    private static final String RESOURCE = "renacer-exec";
    private static final int MFD_CLOEXEC = 0x1;
    private static final int MFD_ALLOW_SEALING = 0x2;
    private static final int MFD_EXEC = 0x10;
    private static final int EINVAL = 22;
    private static final int F_ADD_SEALS = 1033;
    private static final int F_SEAL_SEAL = 0x1;
    private static final int F_SEAL_SHRINK = 0x2;
    private static final int F_SEAL_GROW = 0x4;
    private static final int F_SEAL_WRITE = 0x8;
    private static volatile String cached;

    private Trampoline() {}

    /** Path to execute the trampoline by: {@code /proc/self/fd/N}, or a file in this run's private directory. */
    public static String path() throws IOException {
        String p = cached;
        if (p == null) {
            synchronized (Trampoline.class) {
                if (cached == null) cached = load();
                p = cached;
            }
        }
        return p;
    }

    private static String load() throws IOException {
        byte[] bytes = bytes();
        try {
            return "/proc/self/fd/" + sealedMemfd(bytes);
        } catch (LastErrorException e) {
            return copyTo(PrivateDirectory.get(), bytes).toString();
        }
    }

    static byte[] bytes() throws IOException {
        try (InputStream in = Trampoline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("the launch trampoline is missing from the jar (rebuild with gcc installed)");
            return in.readAllBytes();
        }
    }

    /** A memfd holding {@code bytes}, sealed so that nothing can change it; its descriptor. */
    static int sealedMemfd(byte[] bytes) {
        CheckedLibC libc = CheckedLibC.INSTANCE;
        int fd;
        try {
            fd = libc.memfd_create(RESOURCE, MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EINVAL) throw e;
            fd = libc.memfd_create(RESOURCE, MFD_CLOEXEC | MFD_ALLOW_SEALING); // kernels before 6.3: executable by default
        }
        try {
            int done = 0;
            while (done < bytes.length) {
                byte[] rest = done == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, done, bytes.length);
                done += (int) libc.write(fd, rest, rest.length);
            }
            libc.fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
            return fd;
        } catch (LastErrorException e) {
            libc.close(fd);
            throw e;
        }
    }

    /** The fallback: an owner-only executable copy in {@code dir} (a {@link PrivateDirectory}). */
    static Path copyTo(Path dir, byte[] bytes) throws IOException {
        PrivateDirectory.check(dir);
        Path target = dir.resolve(RESOURCE);
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        return target;
    }
}
