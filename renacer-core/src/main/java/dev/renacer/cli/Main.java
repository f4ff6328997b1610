package dev.renacer.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.util.Map;

/** Entry point of the renacer executable jar: parses, runs, and maps outcomes to exit codes. */
public final class Main {
    /** Bad options, bad filter, bad format, bad endpoint: nothing was started. */
    public static final int EXIT_USAGE = 2;
    /** The command could not be executed, or no process could be traced. */
    public static final int EXIT_CANNOT_TRACE = 1;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream stdout, PrintStream stderr) {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            stderr.println("renacer: only Linux on x86_64 is supported (this is " + System.getProperty("os.name") + " " + arch + ")");
            return EXIT_CANNOT_TRACE;
        }
        RenacerCommand command = new RenacerCommand();
        CommandLine cli = new CommandLine(command);
        cli.setStopAtPositional(true);      // strace ls -la: options after the command belong to it
        cli.setPosixClusteredShortOptionsAllowed(true);
        cli.setOut(new java.io.PrintWriter(stdout, true));
        cli.setErr(new java.io.PrintWriter(stderr, true));
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (ParameterException e) {
            stderr.println("renacer: " + firstLine(e.getMessage()));
            stderr.println("Try 'renacer -h' for more information.");
            return EXIT_USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) return 0;
        try {
            return command.run(environment, stdout, stderr);
        } catch (UsageException e) {
            stderr.println("renacer: " + e.getMessage());
            return EXIT_USAGE;
        } catch (java.io.IOException e) {
            stderr.println("renacer: " + e.getMessage());
            return EXIT_CANNOT_TRACE;
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
