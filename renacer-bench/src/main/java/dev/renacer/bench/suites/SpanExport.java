package dev.renacer.bench.suites;

import dev.renacer.otlp.ExportSummary;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What otlp_file's runs exported and dropped, as JMH secondary metrics (totals over the iterations): the
 * exporter's exit summary, read from the CLI's {@code otlp: ... dropped} line as a whole process and from
 * the listener in process. {@code exportRuns} counts the runs that had one: 0 means not measured (a build
 * that prints no summary), not "nothing dropped". Issue 10: a million-syscall run drops no span.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class SpanExport {
    public long exportRuns;
    public long spansExported;
    public long spansDropped;

    @Setup(Level.Iteration)
    public void reset() {
        exportRuns = spansExported = spansDropped = 0;
    }

    void add(ExportSummary summary) {
        if (summary == null) return;
        exportRuns++;
        spansExported += summary.exported();
        spansDropped += summary.dropped();
    }
}
