package dev.renacer.trace;

import dev.renacer.linux.FileStatus;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Finds the file a command name runs, as strace does before it starts anything: a name with a slash
 * is taken as a path; otherwise the first executable regular file in $PATH. The traced program then
 * makes exactly one execve, of that path, as it does under strace. Works on bytes: a name need not be
 * text in the JVM's charset.
 */
public final class CommandResolver {
    private static final byte[] DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private CommandResolver() {}

    /**
     * @param pathVariable $PATH's bytes, or null when unset
     * @throws TraceException "Can't stat 'NAME': No such file or directory" and the like
     */
    public static byte[] resolve(byte[] command, byte[] pathVariable) throws TraceException {
        String name = new String(command, Argv.nativeCharset());
        if (command.length == 0) throw new TraceException("Can't stat '': No such file or directory");
        if (indexOf(command, (byte) '/', 0) >= 0) {
            FileStatus status = FileStatus.of(command, null);
            if (status == null) throw new TraceException("Can't stat '" + name + "': No such file or directory");
            checkExecutable(name, command, status);
            return command;
        }
        byte[] path = pathVariable == null ? DEFAULT_PATH : pathVariable;
        byte[] firstNonExecutable = null;
        FileStatus firstNonExecutableStatus = null;
        int start = 0;
        while (start <= path.length) {
            int colon = indexOf(path, (byte) ':', start);
            int end = colon < 0 ? path.length : colon;
            byte[] candidate = join(start == end ? new byte[] {'.'} : Arrays.copyOfRange(path, start, end), command);
            FileStatus status = FileStatus.of(candidate, null);
            if (status != null && status.isRegularFile()) {
                if (FileStatus.isExecutable(candidate)) return candidate;
                if (firstNonExecutable == null) {
                    firstNonExecutable = candidate;
                    firstNonExecutableStatus = status;
                }
            }
            start = end + 1;
        }
        if (firstNonExecutable != null) checkExecutable(name, firstNonExecutable, firstNonExecutableStatus);
        throw new TraceException("Can't stat '" + name + "': No such file or directory");
    }

    /** The String form, for callers that have text: encoded as the JVM encodes file names. */
    public static String resolve(String command, String pathVariable) throws TraceException {
        Charset charset = Argv.nativeCharset();
        byte[] found = resolve(command.getBytes(charset), pathVariable == null ? null : pathVariable.getBytes(charset));
        return new String(found, charset);
    }

    private static void checkExecutable(String name, byte[] path, FileStatus status) throws TraceException {
        if (status.isDirectory()) throw new TraceException("Can't execute '" + name + "': Is a directory");
        if (!FileStatus.isExecutable(path)) throw new TraceException("Can't execute '" + name + "': Permission denied");
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }

    private static byte[] join(byte[] dir, byte[] name) {
        boolean slash = dir.length > 0 && dir[dir.length - 1] == '/';
        byte[] out = Arrays.copyOf(dir, dir.length + (slash ? 0 : 1) + name.length);
        if (!slash) out[dir.length] = '/';
        System.arraycopy(name, 0, out, out.length - name.length, name.length);
        return out;
    }
}
