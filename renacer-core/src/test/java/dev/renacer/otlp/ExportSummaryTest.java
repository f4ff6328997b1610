package dev.renacer.otlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit line: counts, the span pool's hits, misses and hit rate, where the spans went, the last error. */
class ExportSummaryTest {

    @Test
    void lineCountsSpansBatchesFailuresAndThePool() {
        ExportSummary s = new ExportSummary(2048, 2000, 48, 4, 1, "ConnectException: Connection refused",
                new SpanPool.Stats(1024, 1030, 2042, 6));
        assertThat(s.line("http/protobuf http://localhost:4318/v1/traces")).isEqualTo(
                "otlp: 2000 spans exported, 48 dropped, 4 batches sent, 1 failure; span pool 2042 hits, 6 misses"
                        + " (99.7% hit rate) (http/protobuf http://localhost:4318/v1/traces): ConnectException: Connection refused");
    }

    @Test
    void singularsAndAnEmptyRun() {
        assertThat(new ExportSummary(1, 1, 0, 1, 0, null, new SpanPool.Stats(1024, 1024, 1, 1)).line(null))
                .isEqualTo("otlp: 1 spans exported, 0 dropped, 1 batch sent, 0 failures; span pool 1 hit, 1 miss (50.0% hit rate)");
        assertThat(new ExportSummary(0, 0, 0, 0, 0, null, new SpanPool.Stats(1024, 1024, 0, 0)).line("file t.jsonl"))
                .isEqualTo("otlp: 0 spans exported, 0 dropped, 0 batches sent, 0 failures; span pool 0 hits, 0 misses"
                        + " (100.0% hit rate) (file t.jsonl)");
    }

    @Test
    void theCountsAreReadBackFromTheLineInAStderr() {
        ExportSummary s = new ExportSummary(2048, 2000, 48, 4, 1, "refused", new SpanPool.Stats(1024, 1030, 2042, 6));
        ExportSummary read = ExportSummary.find("renacer: tracer counters: stops=1\nrenacer: " + s.line("file x") + "\n");
        assertThat(read).isEqualTo(new ExportSummary(2048, 2000, 48, 4, 1, null, null));
        assertThat(ExportSummary.find("renacer: otlp: 1 spans exported, 0 dropped, 1 batch sent, 0 failures").dropped()).isZero();
        assertThat(ExportSummary.find("renacer: tracer counters: stops=1")).isNull();
    }
}
