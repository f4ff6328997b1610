package dev.renacer.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * stat(2) and access(2) on a path given as raw bytes, for names that are not text in the JVM's
 * charset (a command path with non-UTF-8 bytes must still be found, as strace finds it).
 */
public final class FileStatus {
    /** sizeof(struct stat) on x86_64. */
    static final int SIZE = 144;
    private static final int OFF_MODE = 24;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int X_OK = 1;

    private final int mode;

    private FileStatus(int mode) {
        this.mode = mode;
    }

    /** The status of {@code path} (following links), or null when it cannot be stat'ed; the errno in {@code error[0]}. */
    public static FileStatus of(byte[] path, int[] error) {
        Memory buffer = new Memory(SIZE);
        try {
            CheckedLibC.stat(terminated(path), buffer);
        } catch (LastErrorException e) {
            if (error != null) error[0] = e.getErrorCode();
            return null;
        }
        return new FileStatus(buffer.getInt(OFF_MODE));
    }

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    /** access(X_OK) for renacer's user: what execve will decide for the exec permission. */
    public static boolean isExecutable(byte[] path) {
        try {
            return CheckedLibC.access(terminated(path), X_OK) == 0;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /** {@code bytes} followed by one NUL, as a C string. */
    public static byte[] terminated(byte[] bytes) {
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        out[bytes.length] = 0;
        return out;
    }
}
