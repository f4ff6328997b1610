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

    /**
     * What a qualifier name does. An enum and a switch, not a method reference per name: the table is built at
     * every start, on the main thread, and its 30 method references and lambdas each linked an invokedynamic site
     * there (ArgDecoder has the figures for lambdas).
     */
    private enum Action {
        TRACE, ABBREV, VERBOSE, RAW, SIGNAL, STATUS, QUIET, READ, WRITE, FAULT, INJECT, KVM, DECODE_FDS, DECODE_PIDS,
        SECONTEXT;

        void apply(Qualifiers q, String value) {
            switch (this) {
                case TRACE -> q.trace(value);
                case ABBREV -> q.abbrev(value);
                case VERBOSE -> q.verbose(value);
                case RAW -> q.raw(value);
                case SIGNAL -> q.signal(value);
                case STATUS -> q.status(value);
                case QUIET -> q.quiet(value);
                case READ -> q.read(value);
                case WRITE -> q.write(value);
                case FAULT -> q.fault(value);
                case INJECT -> q.inject(value);
                case KVM -> q.unsupported("-e kvm=");
                case DECODE_FDS -> q.decodeFds(value);
                case DECODE_PIDS -> q.unsupported("-e decode-pids=");
                case SECONTEXT -> q.unsupported("-e secontext=");
            }
        }
    }

    private record Name(String spelling, Action apply) {}

    /** strace's qual_options[], in its order: the first name that prefixes the argument wins. */
    private static final Name[] NAMES = {
        new Name("trace", Action.TRACE), new Name("t", Action.TRACE),
        new Name("abbrev", Action.ABBREV), new Name("a", Action.ABBREV),
        new Name("verbose", Action.VERBOSE), new Name("v", Action.VERBOSE),
        new Name("raw", Action.RAW), new Name("x", Action.RAW),
        new Name("signal", Action.SIGNAL), new Name("signals", Action.SIGNAL), new Name("s", Action.SIGNAL),
        new Name("status", Action.STATUS),
        new Name("quiet", Action.QUIET), new Name("silent", Action.QUIET), new Name("silence", Action.QUIET),
        new Name("q", Action.QUIET),
        new Name("read", Action.READ), new Name("reads", Action.READ), new Name("r", Action.READ),
        new Name("write", Action.WRITE), new Name("writes", Action.WRITE), new Name("w", Action.WRITE),
        new Name("fault", Action.FAULT), new Name("inject", Action.INJECT),
        new Name("kvm", Action.KVM),
        new Name("decode-fd", Action.DECODE_FDS), new Name("decode-fds", Action.DECODE_FDS),
        new Name("decode-pid", Action.DECODE_PIDS),
        new Name("decode-pids", Action.DECODE_PIDS),
        new Name("secontext", Action.SECONTEXT),
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
