package dev.renacer.bench;

import dev.renacer.bench.compare.Change;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * renacer-bench's own options of a benchmark run, taken out of the arguments; the rest is JMH's.
 *
 * @param jmhArguments what JMH gets: the selection words and JMH's options
 * @param all          every argument as given (recorded in baselines)
 */
record RunOptions(String saveBaseline, String baseline, double noiseThreshold, Path report, List<String> jmhArguments,
                  List<String> all) {
    static final String HELP = """

            renacer-bench options (before or after JMH's):
              SUITE | SUITE.BENCH      syscall_overhead, otlp_export, memory_pool; e.g. syscall_overhead.native
              --save-baseline NAME     store this run (JMH JSON with raw samples, machine, JDK, git commit)
              --baseline NAME          compare with a stored run: Criterion's change lines and verdicts
              --noise-threshold X      changes within +-X are "within noise" (default 1%, as Criterion)
              --report FILE            write the self-contained HTML report (a full run writes one by default)
              gate --base JAR ...      the regression gate (docs/benchmarks.md)""";

    static RunOptions parse(List<String> args) {
        String save = null;
        String compare = null;
        double noise = Change.DEFAULT_NOISE;
        Path report = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "--save-baseline", "--baseline", "--noise-threshold", "--report" -> {
                    String value;
                    if (!name.equals(a)) {
                        value = a.substring(name.length() + 1);
                    } else {
                        if (i + 1 >= args.size()) throw new UsageException(name + " needs a value");
                        value = args.get(++i);
                    }
                    if (value.isEmpty()) throw new UsageException(name + " needs a value");
                    switch (name) {
                        case "--save-baseline" -> save = checkedName(name, value);
                        case "--baseline" -> compare = checkedName(name, value);
                        case "--noise-threshold" -> noise = Fraction.parse(name, value);
                        default -> report = Path.of(value);
                    }
                }
                default -> rest.add(a);
            }
        }
        return new RunOptions(save, compare, noise, report, rest, List.copyOf(args));
    }

    private static String checkedName(String option, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UsageException(option + " '" + name + "': a baseline name is letters, digits, '.', '_' and '-'");
        }
        return name;
    }
}
