package dev.renacer.cli;

import dev.renacer.filter.FilterException;
import dev.renacer.filter.Qualifiers;
import dev.renacer.syscall.decode.HexStrings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The -e qualifiers and the options that are qualifiers in disguise ({@code @Mixin} into the command):
 * recorded in the order given and replayed into {@link Qualifiers} once parsing is done, since in
 * strace a later -e status= replaces an earlier -z, -v is abbrev=none, and so on.
 */
public final class QualifierOptions {
    /** Each option's effect, in command-line order; run by {@link #qualifiers}. */
    private final List<Consumer<Qualifiers>> given = new ArrayList<>();
    private int successOrFailureFlags;

    @Option(names = "-e", paramLabel = "EXPR", description = {
        "Qualify: trace=SET (names, %%class, !negation, /regex), signal=SET, status=SET (successful, failed, "
            + "unfinished, unavailable, detached), quiet=SET (attach, exit, path-resolution, personality, "
            + "thread-execve), read=FDS, write=FDS (hex dumps), inject=SET:error=ERRNO|retval=N|signal=SIG|"
            + "delay_enter=T|delay_exit=T[:when=FIRST[..LAST][+STEP]][:syscall=NAME], fault=SET[:error=ERRNO][:when=...], "
            + "abbrev=SET, verbose=SET, raw=SET, decode-fds=SET (path, socket, dev, pidfd). "
            + "A bare SET means trace=SET."})
    void qualify(String expression) { given.add(q -> q.qualify(expression)); }

    @Option(names = "--trace", paramLabel = "SET", description = "Same as -e trace=SET.")
    void trace(String set) { given.add(q -> q.trace(set)); }

    @Option(names = {"--signal", "--signals"}, paramLabel = "SET", description = "Same as -e signal=SET: print only these signals' lines.")
    void signal(String set) { given.add(q -> q.signal(set)); }

    @Option(names = "--status", paramLabel = "SET", description = "Same as -e status=SET: print only calls that ended so.")
    void status(String set) { given.add(q -> q.status(set)); }

    @Option(names = {"-z", "--successful-only"}, description = "Print only calls that returned without an error code (status=successful).")
    void successfulOnly(boolean on) {
        successOrFailureFlags++;
        given.add(q -> q.status("successful"));
    }

    @Option(names = {"-Z", "--failed-only", "--failing-only"}, description = "Print only calls that returned an error code (status=failed).")
    void failedOnly(boolean on) {
        successOrFailureFlags++;
        given.add(q -> q.status("failed"));
    }

    @Option(names = {"--quiet", "--silent", "--silence"}, paramLabel = "SET", arity = "0..1", fallbackValue = "attach,personality",
            description = "Same as -e quiet=SET (default attach,personality).")
    void quiet(String set) { given.add(q -> q.quiet(set)); }

    @Option(names = "-q", description = "Quiet: no attach/detach or personality messages (-q); no exit status lines either (-qq); none at all (-qqq).")
    boolean[] quietFlags = new boolean[0];

    @Option(names = {"--abbrev"}, paramLabel = "SET", description = "Same as -e abbrev=SET.")
    void abbrev(String set) { given.add(q -> q.abbrev(set)); }

    @Option(names = {"--verbose"}, paramLabel = "SET", description = "Same as -e verbose=SET: dereference structures of these calls only.")
    void verbose(String set) { given.add(q -> q.verbose(set)); }

    @Option(names = {"--raw"}, paramLabel = "SET", description = "Same as -e raw=SET: arguments and results of these calls in hex.")
    void raw(String set) { given.add(q -> q.raw(set)); }

    @Option(names = {"-v", "--no-abbrev"}, description = "Print structures, arrays and environments whole (abbrev=none).")
    void noAbbrev(boolean on) { given.add(q -> q.abbrev("none")); }

    @Option(names = "--read", paramLabel = "FDS", description = "Same as -e read=FDS: hex dump of all data read from these descriptors.")
    void read(String set) { given.add(q -> q.read(set)); }

    @Option(names = "--write", paramLabel = "FDS", description = "Same as -e write=FDS: hex dump of all data written to these descriptors.")
    void write(String set) { given.add(q -> q.write(set)); }

    @Option(names = "--inject", paramLabel = "SPEC", description = "Same as -e inject=SPEC.")
    void inject(String spec) { given.add(q -> q.inject(spec)); }

    @Option(names = "--fault", paramLabel = "SPEC", description = "Same as -e fault=SPEC.")
    void fault(String spec) { given.add(q -> q.fault(spec)); }

    @Option(names = "--decode-fds", paramLabel = "SET", arity = "0..1", fallbackValue = "path",
            description = "Same as -e decode-fds=SET (default path).")
    void decodeFds(String set) { given.add(q -> q.decodeFds(set)); }

    @Option(names = "-y", description = "Print the path of each descriptor: read(3</etc/passwd>, ...); -yy also socket endpoints, "
            + "device numbers and pidfds' pids.")
    boolean[] decodeFdFlags = new boolean[0];

    @Option(names = {"-P", "--trace-path"}, paramLabel = "PATH",
            description = "Trace only the calls that name PATH or use a descriptor of it (repeatable).")
    List<String> tracePaths = new ArrayList<>();

    @Option(names = "-x", description = "Print strings that are not plain ASCII in hex (-x); every string in hex (-xx).")
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
