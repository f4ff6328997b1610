package dev.renacer.stats;

import dev.renacer.syscall.I386Syscalls;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What {@code -c} counts: per syscall number, calls, errors and time, over every traced process (so
 * {@code -c -f} aggregates, as strace does). Counters live in arrays indexed by syscall number:
 * recording a call is a few array writes, no map, no boxing.
 *
 * <p>Time is what strace 6.1 counts: by default the system CPU time of the call, the growth of the
 * process's stime (wait4's rusage at the entry stop and at the exit stop, as strace reads it); with
 * -w the wall time from entry stop to exit stop. --stats-extended's latency figures are wall time
 * either way. A call that never returns ({@code exit_group}) is not counted, as in strace. Calls made
 * through the i386 ABI (int $0x80) are counted apart, by their i386 numbers, as strace counts them
 * ("System call usage summary for 32 bit mode").
 */
public final class SyscallStats implements TraceListener {
    /** Syscall numbers beyond this are ignored (x86_64 numbers stay below 512; the table names up to 1023). */
    static final int CAPACITY = 1024;

    private final boolean extended;
    private final boolean wallClock;
    private final Counters x86_64;
    private final Counters i386;

    /** @param extended --stats-extended: also keep a latency histogram per syscall */
    public SyscallStats(boolean extended) {
        this(extended, true);
    }

    /**
     * @param extended  --stats-extended: also keep a latency histogram per syscall
     * @param wallClock -w: count wall time; otherwise system time (the tracer must then measure it, see
     *                  {@link dev.renacer.trace.Tracer.Builder#systemTime})
     */
    public SyscallStats(boolean extended, boolean wallClock) {
        this.extended = extended;
        this.wallClock = wallClock;
        this.x86_64 = new Counters(extended);
        this.i386 = new Counters(extended);
    }

    public boolean extended() {
        return extended;
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        if (!e.returned) return;
        (e.i386 ? i386 : x86_64).record(e.number, wallClock ? e.durationNanos() : e.systemNanos(), e.durationNanos(), e.failed());
    }

    /** Counts one completed x86_64 call that took {@code nanos}, of wall time as of the time counted. */
    public void record(int number, long nanos, boolean failed) {
        x86_64.record(number, nanos, nanos, failed);
    }

    /** Counts made elsewhere (in the kernel, by the eBPF backend) replace those made from events; x86_64 calls. */
    @Override
    public void onSyscallCounts(int number, long calls, long errors, long totalNanos, long minNanos, long maxNanos) {
        x86_64.replace(number, calls, errors, totalNanos, minNanos, maxNanos);
    }

    /** A snapshot of every x86_64 syscall seen, in syscall-number order; {@link Summary#sorted} orders it. */
    public Summary summary() {
        return x86_64.summary(SyscallTable::name, extended, wallClock);
    }

    /** The same for the calls made through the i386 ABI, by i386 number; usually empty. */
    public Summary summaryI386() {
        return i386.summary(I386Syscalls::name, extended, wallClock);
    }

    /** Counters in arrays indexed by syscall number: recording a call is a few array writes. */
    private static final class Counters {
        private final long[] calls = new long[CAPACITY];
        private final long[] errors = new long[CAPACITY];
        private final long[] totalNanos = new long[CAPACITY];
        private final long[] minNanos = new long[CAPACITY];
        private final long[] maxNanos = new long[CAPACITY];
        private final LatencyStats[] latency;   // null unless --stats-extended

        Counters(boolean extended) {
            this.latency = extended ? new LatencyStats[CAPACITY] : null;
        }

        /** @param nanos the time counted (system or wall); {@code latencyNanos} the wall time, for --stats-extended */
        void record(int number, long nanos, long latencyNanos, boolean failed) {
            if (number < 0 || number >= CAPACITY) return;
            long d = Math.max(0, nanos);
            if (calls[number] == 0 || d < minNanos[number]) minNanos[number] = d;
            if (d > maxNanos[number]) maxNanos[number] = d;
            calls[number]++;
            totalNanos[number] += d;
            if (failed) errors[number]++;
            if (latency != null) {
                LatencyStats l = latency[number];
                // one histogram per distinct syscall, created the first time it is seen
                if (l == null) latency[number] = l = new LatencyStats();
                l.record(Math.max(0, latencyNanos));
            }
        }

        void replace(int number, long calls, long errors, long totalNanos, long minNanos, long maxNanos) {
            if (number < 0 || number >= CAPACITY) return;
            this.calls[number] = calls;
            this.errors[number] = errors;
            this.totalNanos[number] = totalNanos;
            this.minNanos[number] = minNanos;
            this.maxNanos[number] = maxNanos;
            if (latency != null && calls > 0 && latency[number] == null) latency[number] = new LatencyStats();
        }

        Summary summary(IntFunction<String> names, boolean extended, boolean wallClock) {
            List<SummaryRow> rows = new ArrayList<>();
            for (int n = 0; n < CAPACITY; n++) {
                if (calls[n] == 0) continue;
                rows.add(new SummaryRow(n, names.apply(n), calls[n], errors[n], totalNanos[n], minNanos[n],
                        maxNanos[n], latency == null ? null : latency[n].snapshot()));
            }
            return new Summary(rows, extended, wallClock);
        }
    }
}
