package dev.renacer.trace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the file a command name runs, as strace does before it starts anything: a name with a slash
 * is taken as a path; otherwise the first executable regular file in $PATH. The traced program then
 * makes exactly one execve, of that path, as it does under strace.
 */
public final class CommandResolver {
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private CommandResolver() {}

    /** @throws TraceException "Can't stat 'NAME': No such file or directory" and the like */
    public static Path resolve(String command, String pathVariable) throws TraceException {
        if (command.isEmpty()) throw new TraceException("Can't stat '': No such file or directory");
        if (command.indexOf('/') >= 0) {
            Path p = Path.of(command);
            if (!Files.exists(p)) throw new TraceException("Can't stat '" + command + "': No such file or directory");
            checkExecutable(command, p);
            return p;
        }
        String path = pathVariable == null ? DEFAULT_PATH : pathVariable;
        Path firstNonExecutable = null;
        for (String dir : path.split(":", -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) return candidate;
                if (firstNonExecutable == null) firstNonExecutable = candidate;
            }
        }
        if (firstNonExecutable != null) checkExecutable(command, firstNonExecutable);
        throw new TraceException("Can't stat '" + command + "': No such file or directory");
    }

    private static void checkExecutable(String command, Path p) throws TraceException {
        if (Files.isDirectory(p)) throw new TraceException("Can't execute '" + command + "': Is a directory");
        if (!Files.isExecutable(p)) throw new TraceException("Can't execute '" + command + "': Permission denied");
    }
}
