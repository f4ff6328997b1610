package dev.renacer.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The goal tests' recorded runs and their one check: the goal whose metric starts so has this figure (its start) and this status. */
final class GoalAssertions {
    private GoalAssertions() {}

    /** A run recorded in src/test/resources/recorded/. */
    static List<JmhResult> recorded(String fileName) throws Exception {
        return JmhJson.read(Path.of(GoalAssertions.class.getResource("/recorded/" + fileName).toURI()));
    }

    /** The goals of {@code run}, checked to be all {@code count} of them. */
    static List<Goals.Goal> judged(Function<Results, List<Goals.Goal>> goals, List<JmhResult> run, int count) {
        List<Goals.Goal> judged = goals.apply(new Results(run));
        assertThat(judged).hasSize(count);
        return judged;
    }

    static Goals.Goal goal(List<Goals.Goal> goals, String start) {
        return goals.stream().filter(g -> g.metric().startsWith(start)).findFirst().orElseThrow();
    }

    static void assertGoal(List<Goals.Goal> goals, String metric, String current, String status) {
        Goals.Goal g = goal(goals, metric);
        assertThat(g.current()).as(metric).startsWith(current);
        assertThat(g.status()).as(metric).isEqualTo(status);
    }
}
