package dev.renacer.otlp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happened to the spans of a run. {@code exported + dropped == spans}: a span is either in a
 * request the receiver acknowledged or counted as dropped (queue full, a request that failed after
 * its retries, or still unsent at the flush deadline).
 *
 * @param spans    spans handed to the exporter
 * @param exported spans in acknowledged requests
 * @param dropped  spans lost, for any reason
 * @param batches  acknowledged requests
 * @param failures requests that failed after their retries (or did not finish in time)
 * @param lastError what the exporter last said went wrong, or null
 * @param pool     the span pool's counters
 */
public record ExportSummary(long spans, long exported, long dropped, long batches, long failures,
                            String lastError, SpanPool.Stats pool) {
    private static final Pattern LINE = Pattern.compile("otlp: (\\d+) spans exported, (\\d+) dropped, (\\d+) batch(?:es)? sent, (\\d+) failures?");

    /**
     * The one line printed on stderr at exit (without the {@code renacer: } prefix), e.g.
     * {@code otlp: 146 spans exported, 0 dropped, 1 batch sent, 0 failures; span pool 146 hits, 0 misses
     * (100.0% hit rate) (file trace.jsonl)}.
     */
    public String line(String destination) {
        StringBuilder out = new StringBuilder(160);
        out.append("otlp: ").append(exported).append(" spans exported, ")
                .append(dropped).append(" dropped, ")
                .append(batches).append(batches == 1 ? " batch" : " batches").append(" sent, ")
                .append(failures).append(failures == 1 ? " failure" : " failures");
        if (pool != null) {
            out.append("; span pool ").append(pool.hits()).append(pool.hits() == 1 ? " hit, " : " hits, ")
                    .append(pool.misses()).append(pool.misses() == 1 ? " miss (" : " misses (")
                    .append(String.format(Locale.ROOT, "%.1f", 100.0 * pool.hitRate())).append("% hit rate)");
        }
        if (destination != null) out.append(" (").append(destination).append(')');
        if (failures > 0 && lastError != null) out.append(": ").append(lastError);
        return out.toString();
    }

    /**
     * The counts of a {@link #line} found in {@code text} (the CLI's stderr: renacer-bench reads what a run exported
     * and dropped), without the last error and the pool; null when it has none.
     */
    public static ExportSummary find(CharSequence text) {
        Matcher m = LINE.matcher(text);
        if (!m.find()) return null;
        long exported = Long.parseLong(m.group(1));
        long dropped = Long.parseLong(m.group(2));
        return new ExportSummary(exported + dropped, exported, dropped, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), null, null);
    }
}
