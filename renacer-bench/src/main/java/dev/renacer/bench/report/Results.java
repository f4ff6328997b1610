package dev.renacer.bench.report;

import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.JmhResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looking up one benchmark of a run by method and parameters, for the goals and the overhead table. */
final class Results {
    private final List<JmhResult> all;

    Results(List<JmhResult> all) {
        this.all = all;
    }

    /** The result of {@code suite.method} whose parameters include all of {@code params}. */
    Optional<JmhResult> find(String shortName, Map<String, String> params) {
        return all.stream()
                .filter(r -> r.shortName().equals(shortName) && r.samples().length > 0)
                .filter(r -> params.entrySet().stream().allMatch(e -> e.getValue().equals(r.params().get(e.getKey()))))
                .findFirst();
    }

    /** Mean time per operation in ns. */
    Optional<Double> nanos(String shortName, Map<String, String> params) {
        return find(shortName, params).map(r -> Bootstrap.mean(r.nanosPerOp()));
    }

    /** Mean of the primary score in its own unit (rates: spans/s, ops/s). */
    Optional<Double> score(String shortName, Map<String, String> params) {
        return find(shortName, params).map(r -> Bootstrap.mean(r.samples()));
    }

    List<JmhResult> all() {
        return all;
    }
}
