package dev.renacer.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result format ({@code -rf json}), keeping every raw sample. */
public final class JmhJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * syscall_overhead's renacer benchmarks (those with a {@code mode}) have had a {@code backend} since the
     * eBPF backend; a result of an older jar traced with ptrace, and says so here, so that it pairs with
     * {@code backend=ptrace} in a gate or a comparison with a baseline.
     */
    private static final String TRACED = JmhResult.SUITES_PACKAGE + "syscall_overhead.";

    private JmhJson() {}

    public static List<JmhResult> read(Path file) throws IOException {
        return read(JSON.readTree(file.toFile()));
    }

    /** The array JMH writes, one object per benchmark and parameter set. */
    public static List<JmhResult> read(JsonNode array) {
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode b : array) {
            Map<String, String> params = new HashMap<>();
            JsonNode p = b.get("params");
            if (p != null) p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            String benchmark = b.get("benchmark").asText();
            if (benchmark.startsWith(TRACED) && params.containsKey("mode")) params.putIfAbsent("backend", "ptrace");
            JsonNode primary = b.get("primaryMetric");
            Map<String, double[]> secondary = new HashMap<>();
            JsonNode sec = b.get("secondaryMetrics");
            if (sec != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = sec.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    secondary.put(e.getKey(), raw(e.getValue()));
                }
            }
            results.add(new JmhResult(benchmark, params, b.get("mode").asText(),
                    primary.get("scoreUnit").asText(), raw(primary), histogramMedian(primary), secondary));
        }
        return results;
    }

    /** The median of every sampled invocation (rawDataHistogram: [fork][iteration][[value, count], ...]), else NaN. */
    static double histogramMedian(JsonNode metric) {
        JsonNode forks = metric.get("rawDataHistogram");
        if (forks == null) return Double.NaN;
        java.util.TreeMap<Double, Long> counts = new java.util.TreeMap<>();
        long total = 0;
        for (JsonNode fork : forks) {
            for (JsonNode iteration : fork) {
                for (JsonNode bucket : iteration) {
                    counts.merge(bucket.get(0).asDouble(), bucket.get(1).asLong(), Long::sum);
                    total += bucket.get(1).asLong();
                }
            }
        }
        if (total == 0) return Double.NaN;
        return (valueAtRank(counts, (total - 1) / 2) + valueAtRank(counts, total / 2)) / 2;
    }

    /** The value of the 0-based {@code rank}-th smallest sample of a value-to-count histogram. */
    private static double valueAtRank(java.util.TreeMap<Double, Long> counts, long rank) {
        long seen = 0;
        for (Map.Entry<Double, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen > rank) return e.getKey();
        }
        return counts.lastKey();
    }

    /** Per-iteration values over all forks: rawData, or each iteration's mean from rawDataHistogram (sample mode). */
    static double[] raw(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        JsonNode data = metric.get("rawData");
        if (data != null) {
            for (JsonNode fork : data) for (JsonNode v : fork) values.add(v.asDouble());
        } else if (metric.get("rawDataHistogram") != null) {
            for (JsonNode fork : metric.get("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    double sum = 0;
                    long count = 0;
                    for (JsonNode bucket : iteration) {
                        sum += bucket.get(0).asDouble() * bucket.get(1).asLong();
                        count += bucket.get(1).asLong();
                    }
                    if (count > 0) values.add(sum / count);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
