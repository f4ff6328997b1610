package dev.renacer.trace;

/**
 * How a trace ended.
 *
 * @param exitStatus      the launched command's exit status as a shell reports it (code, or 128+signal);
 *                        0 for an attach-only trace
 * @param detached        true when renacer let go of its tracees (after {@link Tracer#requestDetach})
 * @param commandSignal   the signal that killed the launched command, 0 if it exited (or was not launched)
 * @param interruptSignal the signal that made renacer let go ({@link Tracer#requestDetach}), 0 if none
 * @param counters        what the tracer did to see it, counted exactly (all 0 for a backend that does not count)
 */
public record TraceResult(int exitStatus, boolean detached, int commandSignal, int interruptSignal, Counters counters) {

    public TraceResult(int exitStatus, boolean detached, int commandSignal, int interruptSignal) {
        this(exitStatus, detached, commandSignal, interruptSignal, new Counters(0, 0, 0, 0));
    }

    /** The same outcome with these counters. */
    public TraceResult withCounters(Counters counted) {
        return new TraceResult(exitStatus, detached, commandSignal, interruptSignal, counted);
    }

    /**
     * Exact counts of the tracer's work, the benchmark gate's deterministic signal beside time: per
     * traced syscall, the ptrace stops and the tracer's own syscalls (ptrace + waitpid) must not grow.
     *
     * @param stops          waitpid reports of a stopped tracee (syscall, event, signal and group stops)
     * @param ptraceCalls    ptrace calls the tracer thread made
     * @param waitpidCalls   waitpid calls the tracer thread made
     * @param tracedSyscalls syscalls the trace saw: handed to the listener (ptrace), counted in the kernel (eBPF)
     */
    public record Counters(long stops, long ptraceCalls, long waitpidCalls, long tracedSyscalls) {
        /** The exit line the CLI prints when {@code RENACER_COUNTERS} is set (renacer-bench parses it). */
        public String line() {
            return "tracer counters: stops=" + stops + " ptrace=" + ptraceCalls + " waitpid=" + waitpidCalls
                    + " syscalls=" + tracedSyscalls;
        }

        /** The counters in a text holding a {@link #line()} (e.g. the CLI's stderr), or null when it has none. */
        public static Counters find(CharSequence text) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("tracer counters: stops=(\\d+) ptrace=(\\d+) waitpid=(\\d+) syscalls=(\\d+)").matcher(text);
            if (!m.find()) return null;
            return new Counters(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)));
        }
    }
}
