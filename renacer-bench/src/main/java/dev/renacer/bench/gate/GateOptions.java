package dev.renacer.bench.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code gate --base OTHER.jar [--head JAR] [--threshold 5%] [--min-rounds N] [--max-rounds N]
 * [--out DIR] [--seed N] [SELECTION] [JMH options]}, parsed by Main.
 *
 * @param jmhArguments the selection (already JMH regexes) and the JMH options, passed to both jars
 */
public record GateOptions(Path base, Path head, double threshold, int minRounds, int maxRounds, Path out,
                          OptionalLong seed, List<String> jmhArguments) {
    public static final double DEFAULT_THRESHOLD = 0.05;
    /** Six rounds: the fewest with which a two-sided exact Wilcoxon test can reach p < 0.05. */
    public static final int DEFAULT_MIN_ROUNDS = 6;
    /** The cap keeps one default-selection gate run under 10 minutes here (docs/benchmarks.md has the timings). */
    public static final int DEFAULT_MAX_ROUNDS = 10;

    /**
     * What the gate measures when no selection is given: renacer's basic tracing of syscall_heavy
     * (100 rounds) in process on the ptrace backend, the tracer's own path. One benchmark measured long beats several
     * measured briefly: on this machine the noise is in the second-to-second load, so what narrows
     * the interval is measured time per round (docs/benchmarks.md has the figures).
     */
    public static final List<String> DEFAULT_SELECTION = List.of("syscall_overhead.basic_tracing", "-p", "fixture=syscall_heavy",
            "-p", "mode=in_process", "-p", "backend=ptrace");

    /**
     * JMH options of every round unless the user gives the same option: one fork (a fresh JVM), one
     * warm-up second and fifteen measured one-second iterations, failing on error, every invocation's
     * time kept (sample mode) for the wall-time figures.
     */
    public static final List<List<String>> ROUND_DEFAULTS = List.of(List.of("-bm", "sample"), List.of("-f", "1"), List.of("-wi", "1"),
            List.of("-i", "15"), List.of("-w", "1s"), List.of("-r", "1s"), List.of("-foe", "true"));

    /** The JMH arguments of each round: the user's, then each default option the user did not give. */
    public List<String> roundArguments() {
        List<String> args = new ArrayList<>(jmhArguments);
        for (List<String> option : ROUND_DEFAULTS) {
            if (!jmhArguments.contains(option.get(0))) args.addAll(option);
        }
        return args;
    }
}
