package dev.renacer.linux;

import com.sun.jna.LastErrorException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A native binary built with the jar (src/main/c) and shipped in it beside this class: the launch
 * trampoline, the signal library. renacer often runs as root, and a copy in a shared directory could
 * be replaced by another user between writing and executing or loading it. So each is put in a
 * sealed memfd, private to this process, sealed against writes and close-on-exec, and used as
 * {@code /proc/self/fd/N} (a child of posix_spawn resolves that in its own copy of our descriptors;
 * dlopen opens it). Where the kernel refuses executable memfds ({@code vm.memfd_noexec=2}), the copy
 * goes to this run's {@link PrivateDirectory} instead.
 */
public final class ShippedBinary {
    private static final int MFD_CLOEXEC = 0x1;
    private static final int MFD_ALLOW_SEALING = 0x2;
    private static final int MFD_EXEC = 0x10;
    private static final int EINVAL = 22;
    private static final int F_ADD_SEALS = 1033;
    static final int ALL_SEALS = 0x1 | 0x2 | 0x4 | 0x8; // F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE
    private static final Map<String, String> paths = new ConcurrentHashMap<>();

    private ShippedBinary() {}

    /** The path to execute or load the binary named {@code name} by; made on first use. */
    public static String path(String name) throws IOException {
        String p = paths.get(name);
        if (p != null) return p;
        synchronized (ShippedBinary.class) {
            p = paths.get(name);
            if (p == null) {
                p = load(name);
                paths.put(name, p);
            }
            return p;
        }
    }

    private static String load(String name) throws IOException {
        byte[] bytes = bytes(name);
        try {
            return "/proc/self/fd/" + sealedMemfd(name, bytes);
        } catch (LastErrorException e) {
            return copyTo(PrivateDirectory.get(), name, bytes).toString();
        }
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = dev.renacer.io.OwnJar.open(ShippedBinary.class, "/dev/renacer/linux/" + name)) {
            if (in == null) throw new IOException(name + " is missing from the jar (rebuild with gcc installed)");
            return in.readAllBytes();
        }
    }

    /** A memfd holding {@code bytes}, sealed so that nothing can change it; its descriptor. */
    static int sealedMemfd(String name, byte[] bytes) {
        int fd;
        try {
            fd = CheckedLibC.memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EINVAL) throw e;
            fd = CheckedLibC.memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING); // kernels before 6.3: executable by default
        }
        try {
            int done = 0;
            while (done < bytes.length) {
                byte[] rest = done == 0 ? bytes : Arrays.copyOfRange(bytes, done, bytes.length);
                done += (int) CheckedLibC.write(fd, rest, rest.length);
            }
            CheckedLibC.fcntl(fd, F_ADD_SEALS, ALL_SEALS);
            return fd;
        } catch (LastErrorException e) {
            CheckedLibC.close(fd);
            throw e;
        }
    }

    /** The fallback: an owner-only executable copy in {@code dir} (a {@link PrivateDirectory}). */
    static Path copyTo(Path dir, String name, byte[] bytes) throws IOException {
        PrivateDirectory.check(dir);
        Path target = dir.resolve(name);
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        return target;
    }
}
