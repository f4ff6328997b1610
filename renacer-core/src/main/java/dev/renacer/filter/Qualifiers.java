package dev.renacer.filter;

import dev.renacer.syscall.decode.FdDetail;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every -e qualifier, applied in the order given as strace 6.1 applies them (filter_qualify.c): each
 * {@code -e NAME=SET} replaces what an earlier one of the same name said; {@code -e inject=} and
 * {@code -e fault=} add to each other syscall by syscall; an argument without a known {@code NAME=}
 * prefix is a trace expression. The long options (--trace=, --signal=...) and the short ones that are
 * qualifiers in disguise (-z is status=successful, -Z status=failed, -v abbrev=none) go through the same
 * methods, so their order counts as in strace.
 */
public final class Qualifiers {
    private static final int SIGNALS = 65;

    private TraceFilter trace = TraceFilter.all();
    private TraceFilter abbrev = TraceFilter.all();
    private TraceFilter verbose = TraceFilter.all();
    private TraceFilter raw = TraceFilter.parse("none");
    /** Whether abbrev=, verbose= or raw= (or -v) was given, even as strace's default. */
    private boolean displayChanged;
    private NumberSet signals = NumberSet.all();
    private NumberSet status = NumberSet.all();
    private NumberSet quiet = NumberSet.none();
    private NumberSet decodeFds = NumberSet.none();
    private NumberSet reads = NumberSet.none();
    private NumberSet writes = NumberSet.none();
    private InjectTable inject = InjectTable.empty();
    private boolean quietGiven;
    private boolean decodeFdsGiven;
    private final Consumer<String> warnings;

    /** @param warnings where strace's non-fatal remarks about an expression go (one line each, without "renacer: ") */
    public Qualifiers(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    private interface Apply {
        void apply(Qualifiers q, String value);
    }

    private record Name(String spelling, Apply apply) {}

    /** strace's qual_options[], in its order: the first name that prefixes the argument wins. */
    private static final Name[] NAMES = {
        new Name("trace", Qualifiers::trace), new Name("t", Qualifiers::trace),
        new Name("abbrev", Qualifiers::abbrev), new Name("a", Qualifiers::abbrev),
        new Name("verbose", Qualifiers::verbose), new Name("v", Qualifiers::verbose),
        new Name("raw", Qualifiers::raw), new Name("x", Qualifiers::raw),
        new Name("signal", Qualifiers::signal), new Name("signals", Qualifiers::signal), new Name("s", Qualifiers::signal),
        new Name("status", Qualifiers::status),
        new Name("quiet", Qualifiers::quiet), new Name("silent", Qualifiers::quiet), new Name("silence", Qualifiers::quiet),
        new Name("q", Qualifiers::quiet),
        new Name("read", Qualifiers::read), new Name("reads", Qualifiers::read), new Name("r", Qualifiers::read),
        new Name("write", Qualifiers::write), new Name("writes", Qualifiers::write), new Name("w", Qualifiers::write),
        new Name("fault", Qualifiers::fault), new Name("inject", Qualifiers::inject),
        new Name("kvm", (q, v) -> q.unsupported("-e kvm=")),
        new Name("decode-fd", Qualifiers::decodeFds), new Name("decode-fds", Qualifiers::decodeFds),
        new Name("decode-pid", (q, v) -> q.unsupported("-e decode-pids=")),
        new Name("decode-pids", (q, v) -> q.unsupported("-e decode-pids=")),
        new Name("secontext", (q, v) -> q.unsupported("-e secontext=")),
    };

    /** One {@code -e} argument. @throws FilterException naming what is wrong, in strace's words */
    public void qualify(String argument) {
        for (Name name : NAMES) {
            String prefix = name.spelling + "=";
            if (argument.startsWith(prefix)) {
                name.apply.apply(this, argument.substring(prefix.length()));
                return;
            }
        }
        trace(argument);
    }

    public void trace(String set) { trace = TraceFilter.parse(set); }

    public void abbrev(String set) { abbrev = TraceFilter.parse(set); displayChanged = true; }

    public void verbose(String set) { verbose = TraceFilter.parse(set); displayChanged = true; }

    public void raw(String set) { raw = TraceFilter.parse(set); displayChanged = true; }

    public void signal(String set) { signals = NumberSet.parse(set, SignalNames::lookup, "signal"); }

    public void status(String set) { status = NumberSet.parse(set, CallStatus::lookup, "status"); }

    public void quiet(String set) {
        quiet = NumberSet.parse(set, Quiet::lookup, "quiet");
        quietGiven = true;
    }

    public void decodeFds(String set) {
        decodeFds = NumberSet.parse(set, Qualifiers::fdDetail, "decode-fds");
        decodeFdsGiven = true;
    }

    public void read(String set) { reads = NumberSet.parse(set, NumberSet::unsigned, "descriptor"); }

    public void write(String set) { writes = NumberSet.parse(set, NumberSet::unsigned, "descriptor"); }

    public void inject(String spec) { addInjection(InjectSpec.parse(spec, false, warnings)); }

    public void fault(String spec) { addInjection(InjectSpec.parse(spec, true, warnings)); }

    private void addInjection(InjectSpec.Parsed parsed) {
        inject = inject.with(parsed.syscalls(), parsed.action());
    }

    private void unsupported(String what) {
        throw new FilterException(what + " is not supported by renacer");
    }

    /** -q (1), -qq (2), -qqq (3 or more): quiet=attach,personality; +exit; all. strace refuses it beside -e quiet=. */
    public void quietFlags(int count) {
        if (count == 0) return;
        if (quietGiven) throw new FilterException("-q and -e quiet/--quiet cannot be provided simultaneously");
        quiet = NumberSet.parse(count == 1 ? "attach,personality" : count == 2 ? "exit,attach,personality" : "all",
                Quiet::lookup, "quiet");
    }

    /** strace's default for {@code -o FILE PROG}: -q, unless -q or -e quiet= said otherwise. */
    public void quietByDefault() {
        if (!quietGiven) quiet = NumberSet.parse("attach,personality", Quiet::lookup, "quiet");
    }

    /** -y (1) or -yy (2 or more): decode-fds=path or all; strace refuses them beside -e decode-fds=. */
    public void decodeFdFlags(int count) {
        if (count == 0) return;
        if (decodeFdsGiven) throw new FilterException("-y and --decode-fds cannot be provided simultaneously");
        decodeFds = NumberSet.parse(count == 1 ? "path" : "all", Qualifiers::fdDetail, "decode-fds");
    }

    private static int fdDetail(String token) {
        for (FdDetail d : FdDetail.values()) if (d.name().equalsIgnoreCase(token)) return d.ordinal();
        return -1;
    }

    // ---------------------------------------------------------------- the result

    public TraceFilter trace() { return trace; }

    /** True when -v, -e abbrev=, -e verbose= or -e raw= was given. */
    public boolean displayChanged() { return displayChanged; }

    /** Syscalls printed abbreviated (strace's default: all; -v: none). */
    public TraceFilter abbrev() { return abbrev; }

    /** Syscalls whose structures are dereferenced (default all). */
    public TraceFilter verbose() { return verbose; }

    /** Syscalls printed undecoded, in hex (default none). */
    public TraceFilter raw() { return raw; }

    /** Signals whose {@code --- SIG... ---} and {@code +++ killed by SIG... +++} lines are printed. */
    public NumberSet signals() { return signals; }

    public NumberSet reads() { return reads; }

    public NumberSet writes() { return writes; }

    public InjectTable inject() { return inject; }

    /** The statuses of the calls printed; all of them unless -e status=, -z or -Z said otherwise. */
    public Set<CallStatus> status() {
        Set<CallStatus> set = EnumSet.noneOf(CallStatus.class);
        for (CallStatus s : CallStatus.values()) if (status.contains(s.ordinal())) set.add(s);
        return set;
    }

    /**
     * Whether -e quiet= / --quiet named path-resolution: strace resolves -P's paths before it applies -q, so
     * only these silence "Requested path ... resolved into ..." (measured: strace -qqq -P hostname prints it).
     */
    public boolean quietPathResolution() {
        return quietGiven && quiet.contains(Quiet.PATH_RESOLUTION.ordinal());
    }

    public Set<Quiet> quiet() {
        Set<Quiet> set = EnumSet.noneOf(Quiet.class);
        for (Quiet q : Quiet.values()) if (quiet.contains(q.ordinal())) set.add(q);
        return set;
    }

    public Set<FdDetail> decodeFds() {
        Set<FdDetail> set = EnumSet.noneOf(FdDetail.class);
        for (FdDetail d : FdDetail.values()) if (decodeFds.contains(d.ordinal())) set.add(d);
        return set;
    }

    /** The signal set, for printing: true when signal {@code n}'s lines are printed. */
    public boolean[] signalTable() {
        boolean[] table = new boolean[SIGNALS];
        for (int s = 0; s < SIGNALS; s++) table[s] = signals.contains(s);
        return table;
    }
}
