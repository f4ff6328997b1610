package dev.renacer.output;

import dev.renacer.stats.LatencyProfile;
import dev.renacer.stats.SortOrder;
import dev.renacer.stats.Summary;
import dev.renacer.stats.SummaryRow;
import dev.renacer.stats.SyscallStats;
import dev.renacer.syscall.Signals;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;

/**
 * The trace as CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line break is quoted and
 * its quotes doubled; decoded arguments often hold all three). A header row, then a row per event;
 * with -c only the summary, with -C the events, an empty line and the summary with its own header.
 * Columns are listed in docs/output.md.
 */
public final class CsvSink implements TraceListener {
    static final String EVENT_HEADER = "type,timestamp_ns,pid,tid,name,number,arguments,"
            + "arg0,arg1,arg2,arg3,arg4,arg5,return_value,result,errno,duration_ns";
    static final String SUMMARY_HEADER = "syscall,number,percent,seconds,usecs_per_call,calls,errors,min_ns,max_ns";
    static final String LATENCY_HEADER = ",p50_ns,p75_ns,p90_ns,p95_ns,p99_ns,mean_ns,stddev_ns,outliers";
    private static final String CRLF = "\r\n";

    private final OutputChannel channel;
    private final boolean writeEvents;
    private final boolean showDuration;
    private final SyscallStats stats;
    private final SortOrder order;
    private final WallClock clock = new WallClock();
    private final StringBuilder row = new StringBuilder(512);

    /**
     * @param writeEvents  false with -c: the summary only
     * @param showDuration -T: fill duration_ns (the column is always there, empty without -T)
     * @param stats        the counters for the summary (-c, -C), or null for none
     */
    public CsvSink(OutputChannel channel, boolean writeEvents, boolean showDuration, SyscallStats stats,
                   SortOrder order) {
        this.channel = channel;
        this.writeEvents = writeEvents;
        this.showDuration = showDuration;
        this.stats = stats;
        this.order = order;
        if (writeEvents) channel.write(EVENT_HEADER + CRLF);
    }

    @Override
    public void onSyscall(SyscallEvent e) {
        clock.learn(e.entryEpochNanos, e.entryNanos);
        if (!writeEvents) return;
        row.setLength(0);
        row.append("syscall,").append(e.entryEpochNanos).append(',').append(e.pid).append(',').append(e.tid)
                .append(',').append(e.name()).append(',').append(e.number).append(',');
        quoted(e.arguments);
        for (long a : e.args) row.append(',').append(a);
        row.append(',');
        if (e.returned) row.append(e.returnValue);
        row.append(',');
        quoted(e.result);
        row.append(',');
        String errno = e.errnoName();
        if (errno != null) row.append(errno);
        row.append(',');
        if (showDuration && e.returned) row.append(e.durationNanos());
        row.append(CRLF);
        channel.write(row);
    }

    @Override
    public void onSignal(int tid, int pid, int signal, CharSequence siginfo) {
        if (!writeEvents) return;
        row.setLength(0);
        row.append("signal,").append(clock.epochNanos(System.nanoTime())).append(',').append(pid).append(',')
                .append(tid).append(',').append(Signals.name(signal)).append(',').append(signal).append(',');
        quoted(siginfo);
        row.append(",,,,,,,,,,").append(CRLF);
        channel.write(row);
    }

    @Override
    public void onProcessExit(int pid, int exitCode, int termSignal, boolean coreDumped) {
        onThreadExit(pid, pid, exitCode, termSignal, coreDumped);
    }

    @Override
    public void onThreadExit(int tid, int pid, int exitCode, int termSignal, boolean coreDumped) {
        if (!writeEvents) return;
        row.setLength(0);
        row.append(termSignal == 0 ? "exit," : "killed,").append(clock.epochNanos(System.nanoTime())).append(',')
                .append(pid).append(',').append(tid).append(',');
        if (termSignal != 0) row.append(Signals.name(termSignal)).append(',').append(termSignal);
        else row.append(',');
        row.append(",,,,,,,,");
        if (termSignal == 0) row.append(exitCode).append(",exited with ").append(exitCode);
        else row.append(",killed by ").append(Signals.name(termSignal)).append(coreDumped ? " (core dumped)" : "");
        row.append(",,").append(CRLF);
        channel.write(row);
    }

    @Override
    public void onFinish() {
        if (stats != null) {
            if (writeEvents) channel.write(CRLF);
            channel.write(summary(stats.summary(), order));
        }
        channel.flush();
    }

    /** The summary section: header, a row per syscall in {@code order}, and a "total" row. */
    static String summary(Summary summary, SortOrder order) {
        StringBuilder out = new StringBuilder(SUMMARY_HEADER);
        if (summary.extended()) out.append(LATENCY_HEADER);
        out.append(CRLF);
        for (SummaryRow r : summary.sorted(order)) {
            out.append(r.name()).append(',').append(r.number()).append(',');
            out.append(String.format(java.util.Locale.ROOT, "%.2f,%.6f,", summary.percent(r), r.totalNanos() / 1e9));
            out.append(r.averageNanos() / 1000).append(',').append(r.calls()).append(',').append(r.errors())
                    .append(',').append(r.minNanos()).append(',').append(r.maxNanos());
            LatencyProfile l = r.latency();
            if (l != null) {
                out.append(',').append(l.p50()).append(',').append(l.p75()).append(',').append(l.p90()).append(',')
                        .append(l.p95()).append(',').append(l.p99()).append(',').append(Math.round(l.mean()))
                        .append(',').append(Math.round(l.stddev())).append(',').append(l.outliers());
            }
            out.append(CRLF);
        }
        long calls = summary.calls();
        out.append(String.format(java.util.Locale.ROOT, "total,,100.00,%.6f,%d,%d,%d,,", summary.totalNanos() / 1e9,
                calls == 0 ? 0 : summary.totalNanos() / calls / 1000, calls, summary.errors()));
        if (summary.extended()) out.append(",,,,,,,,");
        out.append(CRLF);
        return out.toString();
    }

    private void quoted(CharSequence field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            row.append(field);
            return;
        }
        row.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') row.append('"');
            row.append(c);
        }
        row.append('"');
    }
}
