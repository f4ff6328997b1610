package dev.renacer.bench.gate;

import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The JMH JSON of real A/A gate rounds on this project's machine (src/test/resources/recorded/gate-aa,
 * round-NN-base.json and round-NN-head.json, minified): the same benchmarks.jar as base and head,
 * {@code gate --base same.jar syscall_overhead.basic_tracing -p fixture=syscall_heavy -p mode=in_process
 * -i 20 -r 1s}. Rounds 1-6 are one run (it stopped there: no regression), rounds 7-18 a second run of
 * the same configuration forced to 12 rounds ({@code --min-rounds 12 --max-rounds 12}), back to back,
 * at load average 11-16 on the 2 shared cores. Each round holds every invocation's time (sample mode),
 * the CPU time of the runs and the tracer counters.
 */
final class RecordedRounds {
    private RecordedRounds() {}

    record Round(Map<String, JmhResult> base, Map<String, JmhResult> head) {}

    static Path directory() throws URISyntaxException {
        return Path.of(RecordedRounds.class.getResource("/recorded/gate-aa").toURI());
    }

    static List<Round> load(UnaryOperator<JmhResult> headChange) throws IOException, URISyntaxException {
        List<Round> rounds = new ArrayList<>();
        for (int n = 1; Files.exists(directory().resolve(String.format("round-%02d-base.json", n))); n++) {
            rounds.add(new Round(read(directory().resolve(String.format("round-%02d-base.json", n)), UnaryOperator.identity()),
                    read(directory().resolve(String.format("round-%02d-head.json", n)), headChange)));
        }
        return rounds;
    }

    private static Map<String, JmhResult> read(Path file, UnaryOperator<JmhResult> change) throws IOException {
        Map<String, JmhResult> byId = new LinkedHashMap<>();
        for (JmhResult r : JmhJson.read(file)) byId.put(r.id(), change.apply(r));
        return byId;
    }
}
