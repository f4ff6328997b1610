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

/** The JMH JSON of a real A/A gate run (src/test/resources/recorded/gate-aa: round-NN-base.json, round-NN-head.json). */
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
