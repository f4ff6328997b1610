package dev.renacer.otlp;

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

    /** The one line printed on stderr at exit (without the {@code renacer: } prefix). */
    public String line(String destination) {
        StringBuilder out = new StringBuilder(160);
        out.append("otlp: ").append(exported).append(" spans exported, ")
                .append(dropped).append(" dropped, ")
                .append(batches).append(batches == 1 ? " batch" : " batches").append(" sent, ")
                .append(failures).append(failures == 1 ? " failure" : " failures");
        if (destination != null) out.append(" (").append(destination).append(')');
        if (failures > 0 && lastError != null) out.append(": ").append(lastError);
        return out.toString();
    }
}
