package dev.renacer.cli;

import dev.renacer.linux.LibC;
import sun.misc.Signal;

import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * renacer -D's two halves, as strace -D's: the renacer the user started becomes the command (see
 * {@code trace.Daemonizer}); the tracer is another renacer it starts, with the same arguments and the
 * hidden {@code --daemon-tracee=PID}, which adopts it. The tracer tells how it went by how it kills the
 * trampoline the first one waits on: SIGKILL when it has seized it, SIGUSR1 when it refused the options
 * (it printed why), SIGTERM when it could not trace.
 */
final class Daemonized {
    private static final int SIGUSR1 = 10, SIGTERM = 15;

    private Daemonized() {}

    /** The tracer's command line: this JVM, its options and class path, renacer's main, {@code --daemon-tracee}, renacer's arguments. */
    static List<byte[]> tracerCommand(List<byte[]> arguments) {
        Charset charset = dev.renacer.trace.Argv.nativeCharset();
        List<byte[]> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString().getBytes(charset));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) argv.add(option.getBytes(charset));
        argv.add("-cp".getBytes(charset));
        argv.add(System.getProperty("java.class.path").getBytes(charset));
        argv.add(Main.class.getName().getBytes(charset));
        argv.add(("--daemon-tracee=" + ProcessHandle.current().pid()).getBytes(charset));
        argv.addAll(arguments);
        return argv;
    }

    /**
     * In the tracer: the signals a terminal sends its foreground are the command's; the tracer, which strace -D
     * runs with fatal signals and SIGTSTP blocked, ignores them.
     */
    static void ignoreSignals() {
        for (String name : new String[] {"INT", "TERM", "HUP", "QUIT", "PIPE", "TSTP"}) {
            try {
                Signal.handle(new Signal(name), Signal -> { });
            } catch (IllegalArgumentException e) {
                // reserved by the JVM here: its default stays
            }
        }
    }

    /**
     * In the tracer: its parent, the trampoline renacer -D waits on, or 0 when the parent is something else (then
     * nothing is killed: {@code --daemon-tracee} given by hand must not signal a user's shell).
     */
    static int intermediate() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) return 0;
        try {
            String exe = java.nio.file.Files.readSymbolicLink(Path.of("/proc", Long.toString(parent.pid()), "exe")).toString();
            boolean trampoline = exe.startsWith("/memfd:renacer-exec") || exe.endsWith("/renacer-exec");
            return trampoline ? (int) parent.pid() : 0;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    static void refused(int intermediate) {
        if (intermediate > 1) LibC.kill(intermediate, SIGUSR1);
    }

    static void failed(int intermediate) {
        if (intermediate > 1) LibC.kill(intermediate, SIGTERM);
    }
}
