package dev.renacer.cli;

import dev.renacer.cli.OptionModel.Action;
import dev.renacer.cli.OptionModel.Field;
import dev.renacer.filter.FilterException;
import dev.renacer.filter.Qualifiers;
import dev.renacer.syscall.decode.HexStrings;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.renacer.cli.OptionModel.bound;
import static dev.renacer.cli.OptionModel.option;
import static dev.renacer.cli.OptionModel.repeatable;

/**
 * The -e qualifiers and the options that are qualifiers in disguise (added to the command by {@link #addTo}):
 * recorded in the order given and replayed into {@link Qualifiers} once parsing is done, since in
 * strace a later -e status= replaces an earlier -z, -v is abbrev=none, and so on.
 */
public final class QualifierOptions {

    /** Adds these options to {@code spec}, bound to this object's fields (the model is built by hand: {@link OptionModel}). */
    public void addTo(CommandSpec spec) {
        spec.addOption(bound(option("-e").type(String.class).paramLabel("EXPR")
                .description("Qualify: trace=SET (names, %%class, !negation, /regex), signal=SET, status=SET (successful, failed, "
            + "unfinished, unavailable, detached), quiet=SET (attach, exit, path-resolution, personality, "
            + "thread-execve), read=FDS, write=FDS (hex dumps), inject=SET:error=ERRNO|retval=N|signal=SIG|"
            + "delay_enter=T|delay_exit=T[:when=FIRST[..LAST][+STEP]][:syscall=NAME], fault=SET[:error=ERRNO][:when=...], "
            + "abbrev=SET, verbose=SET, raw=SET, decode-fds=SET (path, socket, dev, pidfd). "
            + "A bare SET means trace=SET."),
                new Action<String>() {
                    @Override void accept(String v) { qualify(v); }
                }));
        spec.addOption(bound(option("--trace").type(String.class).paramLabel("SET")
                .description("Same as -e trace=SET."),
                new Action<String>() {
                    @Override void accept(String v) { trace(v); }
                }));
        spec.addOption(bound(option("--signal", "--signals").type(String.class).paramLabel("SET")
                .description("Same as -e signal=SET: print only these signals' lines."),
                new Action<String>() {
                    @Override void accept(String v) { signal(v); }
                }));
        spec.addOption(bound(option("--status").type(String.class).paramLabel("SET")
                .description("Same as -e status=SET: print only calls that ended so."),
                new Action<String>() {
                    @Override void accept(String v) { status(v); }
                }));
        spec.addOption(bound(option("-z", "--successful-only").type(boolean.class)
                .description("Print only calls that returned without an error code (status=successful)."),
                new Action<Boolean>() {
                    @Override void accept(Boolean v) { successfulOnly(v); }
                }));
        spec.addOption(bound(option("-Z", "--failed-only", "--failing-only").type(boolean.class)
                .description("Print only calls that returned an error code (status=failed)."),
                new Action<Boolean>() {
                    @Override void accept(Boolean v) { failedOnly(v); }
                }));
        spec.addOption(bound(option("--quiet", "--silent", "--silence").type(String.class).paramLabel("SET").arity("0..1").fallbackValue("attach,personality")
                .description("Same as -e quiet=SET (default attach,personality)."),
                new Action<String>() {
                    @Override void accept(String v) { quiet(v); }
                }));
        spec.addOption(bound(repeatable("-q")
                .description("Quiet: no attach/detach or personality messages (-q); no exit status lines either (-qq); none at all (-qqq)."),
                new Field<boolean[]>() {
                    @Override boolean[] value() { return quietFlags; }
                    @Override void accept(boolean[] v) { quietFlags = v; }
                }));
        spec.addOption(bound(option("--abbrev").type(String.class).paramLabel("SET")
                .description("Same as -e abbrev=SET."),
                new Action<String>() {
                    @Override void accept(String v) { abbrev(v); }
                }));
        spec.addOption(bound(option("--verbose").type(String.class).paramLabel("SET")
                .description("Same as -e verbose=SET: dereference structures of these calls only."),
                new Action<String>() {
                    @Override void accept(String v) { verbose(v); }
                }));
        spec.addOption(bound(option("--raw").type(String.class).paramLabel("SET")
                .description("Same as -e raw=SET: arguments and results of these calls in hex."),
                new Action<String>() {
                    @Override void accept(String v) { raw(v); }
                }));
        spec.addOption(bound(option("-v", "--no-abbrev").type(boolean.class)
                .description("Print structures, arrays and environments whole (abbrev=none)."),
                new Action<Boolean>() {
                    @Override void accept(Boolean v) { noAbbrev(v); }
                }));
        spec.addOption(bound(option("--read").type(String.class).paramLabel("FDS")
                .description("Same as -e read=FDS: hex dump of all data read from these descriptors."),
                new Action<String>() {
                    @Override void accept(String v) { read(v); }
                }));
        spec.addOption(bound(option("--write").type(String.class).paramLabel("FDS")
                .description("Same as -e write=FDS: hex dump of all data written to these descriptors."),
                new Action<String>() {
                    @Override void accept(String v) { write(v); }
                }));
        spec.addOption(bound(option("--inject").type(String.class).paramLabel("SPEC")
                .description("Same as -e inject=SPEC."),
                new Action<String>() {
                    @Override void accept(String v) { inject(v); }
                }));
        spec.addOption(bound(option("--fault").type(String.class).paramLabel("SPEC")
                .description("Same as -e fault=SPEC."),
                new Action<String>() {
                    @Override void accept(String v) { fault(v); }
                }));
        spec.addOption(bound(option("--decode-fds").type(String.class).paramLabel("SET").arity("0..1").fallbackValue("path")
                .description("Same as -e decode-fds=SET (default path)."),
                new Action<String>() {
                    @Override void accept(String v) { decodeFds(v); }
                }));
        spec.addOption(bound(repeatable("-y")
                .description("Print the path of each descriptor: read(3</etc/passwd>, ...); -yy also socket endpoints, "
            + "device numbers and pidfds' pids."),
                new Field<boolean[]>() {
                    @Override boolean[] value() { return decodeFdFlags; }
                    @Override void accept(boolean[] v) { decodeFdFlags = v; }
                }));
        spec.addOption(bound(option("-P", "--trace-path").type(List.class).auxiliaryTypes(String.class).paramLabel("PATH")
                .description("Trace only the calls that name PATH or use a descriptor of it (repeatable)."),
                new Field<List<String>>() {
                    @Override List<String> value() { return tracePaths; }
                    @Override void accept(List<String> v) { tracePaths = v; }
                }));
        spec.addOption(bound(repeatable("-x")
                .description("Print strings that are not plain ASCII in hex (-x); every string in hex (-xx)."),
                new Field<boolean[]>() {
                    @Override boolean[] value() { return hexFlags; }
                    @Override void accept(boolean[] v) { hexFlags = v; }
                }));
    }
    /** Each option's effect, in command-line order; run by {@link #qualifiers}. */
    private final List<Consumer<Qualifiers>> given = new ArrayList<>();
    private int successOrFailureFlags;

    void qualify(String expression) { given.add(q -> q.qualify(expression)); }

    void trace(String set) { given.add(q -> q.trace(set)); }

    void signal(String set) { given.add(q -> q.signal(set)); }

    void status(String set) { given.add(q -> q.status(set)); }

    void successfulOnly(boolean on) {
        successOrFailureFlags++;
        given.add(q -> q.status("successful"));
    }

    void failedOnly(boolean on) {
        successOrFailureFlags++;
        given.add(q -> q.status("failed"));
    }

    void quiet(String set) { given.add(q -> q.quiet(set)); }

    boolean[] quietFlags = new boolean[0];

    void abbrev(String set) { given.add(q -> q.abbrev(set)); }

    void verbose(String set) { given.add(q -> q.verbose(set)); }

    void raw(String set) { given.add(q -> q.raw(set)); }

    void noAbbrev(boolean on) { given.add(q -> q.abbrev("none")); }

    void read(String set) { given.add(q -> q.read(set)); }

    void write(String set) { given.add(q -> q.write(set)); }

    void inject(String spec) { given.add(q -> q.inject(spec)); }

    void fault(String spec) { given.add(q -> q.fault(spec)); }

    void decodeFds(String set) { given.add(q -> q.decodeFds(set)); }

    boolean[] decodeFdFlags = new boolean[0];

    List<String> tracePaths = new ArrayList<>();

    boolean[] hexFlags = new boolean[0];

    /**
     * Applies everything given, in order, then -q and -y; {@code quietByDefault} is strace's implied -q for
     * {@code -o FILE PROG}. Bad expressions become a {@link UsageException}; warnings go to {@code warnings}.
     */
    public Qualifiers qualifiers(boolean quietByDefault, Consumer<String> warnings) {
        Qualifiers q = new Qualifiers(warnings);
        try {
            for (Consumer<Qualifiers> option : given) option.accept(q);
            q.decodeFdFlags(decodeFdFlags.length);
            q.quietFlags(quietFlags.length);
            if (quietFlags.length == 0 && quietByDefault) q.quietByDefault();
        } catch (FilterException e) {
            throw new UsageException(e.getMessage());
        }
        if (successOrFailureFlags > 1) {
            warnings.accept("Only the last of -z/--successful-only/-Z/--failed-only options will take effect. "
                    + "See status qualifier for more complex filters.");
        }
        return q;
    }

    HexStrings hexStrings() {
        return HexStrings.ofCount(hexFlags.length);
    }
}
