package dev.renacer.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import dev.renacer.linux.RawArguments;
import dev.renacer.trace.Argv;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Entry point of the renacer executable jar: parses, runs, and maps outcomes to exit codes. */
public final class Main {
    /** Bad options, bad filter, bad format, bad endpoint: nothing was started. */
    public static final int EXIT_USAGE = 2;
    /** The command could not be executed, or no process could be traced. */
    public static final int EXIT_CANNOT_TRACE = 1;

    private Main() {}

    public static void main(String[] args) {
        Warmup warmup = Warmup.start(); // the private directory, JNA, the tables, while picocli reads the options
        Outcome outcome = run(args, RawArguments.of(args, Argv.nativeCharset()), System.getenv(), System.out, System.err,
                warmup::await);
        System.out.flush();
        System.err.flush();
        if (outcome.dieBySignal() != 0) {
            dev.renacer.linux.PrivateDirectory.removeNow(); // dying by a signal runs no shutdown hook
            SignalHandling.dieBy(outcome.dieBySignal());
        }
        System.exit(outcome.exitStatus());
    }

    /**
     * @param rawArgs the bytes of {@code args} as the kernel holds them (the command is launched with
     *                these), or null to encode {@code args} as the JVM encodes file names
     * @param afterParsing run once the options are read and before the trace starts (a {@link Warmup}'s await)
     */
    static Outcome run(String[] args, List<byte[]> rawArgs, Map<String, String> environment, PrintStream stdout,
                          PrintStream stderr, Runnable afterParsing) {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            stderr.println("renacer: only Linux on x86_64 is supported (this is " + System.getProperty("os.name") + " " + arch + ")");
            return Outcome.exit(EXIT_CANNOT_TRACE);
        }
        skipUnusedConverters();
        RenacerCommand command = new RenacerCommand(rawArgs == null ? null : List.copyOf(rawArgs), List.of(args));
        CommandLine cli = new CommandLine(command.spec());
        cli.setStopAtPositional(true);      // strace ls -la: options after the command belong to it
        cli.setPosixClusteredShortOptionsAllowed(true);
        cli.setOverwrittenOptionsAllowed(true); // strace: a later -s, -o, -e status= replaces an earlier one
        cli.setOut(new java.io.PrintWriter(stdout, true));
        cli.setErr(new java.io.PrintWriter(stderr, true));
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (ParameterException e) {
            stderr.println("renacer: " + firstLine(e.getMessage()));
            stderr.println("Try 'renacer -h' for more information.");
            return Outcome.exit(EXIT_USAGE);
        }
        if (CommandLine.printHelpIfRequested(parsed)) return Outcome.exit(0);
        try {
            afterParsing.run();
            return command.run(environment, stdout, stderr);
        } catch (UsageException e) {
            stderr.println("renacer: " + e.getMessage());
            return Outcome.exit(EXIT_USAGE);
        } catch (java.io.IOException e) {
            stderr.println("renacer: " + e.getMessage());
            return Outcome.exit(EXIT_CANNOT_TRACE);
        } catch (java.io.UncheckedIOException e) { // the warm-up's: no private directory (Main.keepNativeLibrariesPrivate)
            stderr.println("renacer: " + e.getCause().getMessage());
            return Outcome.exit(EXIT_CANNOT_TRACE);
        } catch (OutOfMemoryError e) {
            // the launched command dies with renacer (PTRACE_O_EXITKILL); attached ones are released
            stderr.println("renacer: out of memory (give the JVM more with RENACER_JAVA_OPTS=-Xmx...)");
            return Outcome.exit(EXIT_CANNOT_TRACE);
        }
    }

    /**
     * JNA copies its native part to a file and loads it; by default under $XDG_CACHE_HOME or $HOME,
     * which under {@code sudo -E} belong to another user, who could swap the file before root loads
     * it. It goes to this run's private directory instead, unless the user chose a place.
     */
    static void keepNativeLibrariesPrivate() throws java.io.IOException {
        if (System.getProperty("jna.tmpdir") == null) {
            java.nio.file.Path dir = dev.renacer.linux.PrivateDirectory.get();
            System.setProperty("jna.tmpdir", dir.toString());
            // JNA's own copy of its native part would be named by File.createTempFile, whose random name initialises
            // SecureRandom (README, Start-up): renacer copies it into the fresh directory under its plain name and
            // points JNA there, unless the user chose where JNA's library comes from.
            if (System.getProperty("jna.boot.library.path") == null && System.getProperty("jna.nosys") == null) {
                try (java.io.InputStream in = dev.renacer.io.OwnJar.open(Main.class, JNA_DISPATCH)) {
                    if (in != null) {
                        java.nio.file.Files.copy(in, dir.resolve("libjnidispatch.so"));
                        System.setProperty("jna.boot.library.path", dir.toString());
                        System.setProperty("jna.nosys", "true");
                        System.setProperty("jna.nounpack", "true");
                    }
                }
            }
        }
        // Without it JNA's first use runs `ldconfig -p` in a child process to learn the system's library folders
        // (NativeLibrary's static initialiser), 20-40 ms of each start; renacer loads libc by its soname only.
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", SYSTEM_LIBRARY_PATH);
        }
    }

    /**
     * Each CommandLine registers picocli's converters for java.sql and java.time types by reflection (21
     * Class.forName and getDeclaredMethod calls, their classes loaded and linked); no renacer option has
     * one of those types. Measured in README, Performance, Start-up.
     */
    static void skipUnusedConverters() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
    }

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** JNA's native part for this platform, in its jar. */
    private static final String JNA_DISPATCH = "/com/sun/jna/linux-x86-64/libjnidispatch.so";

    /** The root-owned library folders of Debian's x86_64 multiarch layout and the classic ones. */
    private static final String SYSTEM_LIBRARY_PATH = "/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu:/usr/lib64:/lib64:/usr/lib:/lib";

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
