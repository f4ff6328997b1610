package dev.renacer.cli;

import dev.renacer.cli.OptionModel.Field;
import dev.renacer.linux.Users;
import dev.renacer.trace.Argv;
import dev.renacer.trace.LaunchSettings;
import dev.renacer.trace.Tracer;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static dev.renacer.cli.OptionModel.bound;
import static dev.renacer.cli.OptionModel.option;
import static dev.renacer.cli.OptionModel.repeatable;

/**
 * How the command is started and let go, as strace's options say it (added to the command by {@link #addTo}):
 * -E, -u, -b execve, -D and --seccomp-bpf.
 */
public final class LaunchOptions {

    /** Adds these options to {@code spec}, bound to this object's fields (the model is built by hand: {@link OptionModel}). */
    public void addTo(CommandSpec spec) {
        spec.addOption(bound(option("-E", "--env").type(List.class).auxiliaryTypes(String.class).paramLabel("VAR=VAL|VAR")
                .description("Set VAR=VAL in the command's environment, or remove VAR from it (repeatable)."),
                new Field<List<String>>() {
                    @Override List<String> value() { return environment; }
                    @Override void accept(List<String> v) { environment = v; }
                }));
        spec.addOption(bound(option("-u", "--user").type(String.class).paramLabel("USERNAME")
                .description("Run the command as USERNAME, with its groups (renacer must run as root), as strace does."),
                new Field<String>() {
                    @Override String value() { return user; }
                    @Override void accept(String v) { user = v; }
                }));
        spec.addOption(bound(option("-b", "--detach-on").type(String.class).paramLabel("SYSCALL")
                .description("Let go of a traced task at its execve (-b execve)."),
                new Field<String>() {
                    @Override String value() { return detachOn; }
                    @Override void accept(String v) { detachOn = v; }
                }));
        spec.addOption(bound(repeatable("-D")
                .description("Run the tracer apart from the command: the command is the caller's own child, "
            + "not renacer's (-DD: the tracer in its own process group, -DDD: in its own session)."),
                new Field<boolean[]>() {
                    @Override boolean[] value() { return daemonize; }
                    @Override void accept(boolean[] v) { daemonize = v; }
                }));
        spec.addOption(bound(option("--seccomp-bpf").type(Boolean.class).negatable(true)
                .description("Stop the command only at the calls -e trace= selects, "
            + "by a seccomp-bpf filter, as strace --seccomp-bpf (needs -f; not with -p, -b or -D). On by default when it "
            + "cannot change what the command sees (-f, a launched command, no -u, -b or -D); --no-seccomp-bpf stops at every call."),
                new Field<Boolean>() {
                    @Override Boolean value() { return seccompBpf; }
                    @Override void accept(Boolean v) { seccompBpf = v; }
                }));
    }

    List<String> environment = new ArrayList<>();

    String user;

    String detachOn;

    boolean[] daemonize = new boolean[0];

    Boolean seccompBpf;

    /** Checks the options (a {@link UsageException} for bad ones) and sets them on {@code builder}. */
    /** Set by {@link #configure}: the filter can apply to this run (-f, a launched command, no -b, no -D). */
    private boolean seccompApplies;

    void configure(Tracer.Builder builder, boolean following, boolean attaching, PrintStream stderr) {
        if (detachOn != null && !detachOn.equals("execve")) {
            throw new UsageException("Syscall '" + detachOn + "' for -b isn't supported");
        }
        if (daemonize.length > 0 && attaching) throw new UsageException("PROG [ARGS] must be specified with -D/--daemonize");
        if (daemonize.length > 3) {
            throw new UsageException("Too many -D's (" + daemonize.length + "), maximum supported -D count is 3");
        }
        boolean applies = following && !attaching && detachOn == null && daemonize.length == 0;
        seccompApplies = applies;
        if (Boolean.TRUE.equals(seccompBpf)) {
            // strace's own checks and words (-D: renacer's, as its -D tracer seizes a process that has no filter)
            if (detachOn != null) stderr.println("renacer: --seccomp-bpf is not enabled because it is not compatible with -b");
            else if (attaching) stderr.println("renacer: --seccomp-bpf is not enabled for processes attached with -p");
            else if (!following) stderr.println("renacer: --seccomp-bpf cannot be used without -f/--follow-forks, disabling");
            else if (daemonize.length > 0) stderr.println("renacer: --seccomp-bpf is not enabled with -D");
        }
        // by default not with -u either: the filter goes in after the user change, which then needs no_new_privs
        builder.seccompFilter(seccompBpf == null ? applies && user == null : seccompBpf && applies);
        if (user != null) {
            if (!Users.root()) throw new UsageException("You must be root to use the -u/--username option");
            int[] ids = Users.lookUp(user);
            if (ids == null) throw new UsageException("Cannot find user '" + user + "'");
            builder.runAs(new LaunchSettings.User(user, ids[0], ids[1]));
        }
        List<byte[]> changes = new ArrayList<>();
        for (String change : environment) changes.add(change.getBytes(Argv.nativeCharset()));
        builder.environmentChanges(changes).detachOnExec(detachOn != null);
    }

    /** -b execve was given. */
    boolean detachesOnExec() {
        return detachOn != null;
    }

    /**
     * --seccomp-bpf was given and not disabled by {@link #configure} (strace then says when the selection leaves
     * nothing to filter out; once it disabled the filter with a warning, it says nothing more).
     */
    boolean seccompRequested() {
        return Boolean.TRUE.equals(seccompBpf) && seccompApplies;
    }

    /** How many -D were given: 0, or 1 to 3. */
    int daemonizeLevel() {
        return daemonize.length;
    }
}
