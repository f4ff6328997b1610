package dev.renacer.bench;

import dev.renacer.bench.gate.GateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Parses {@code gate --base JAR [...]} into {@link GateOptions}; every mistake is a UsageException. */
final class GateArguments {
    private GateArguments() {}

    static GateOptions parse(List<String> args, Path self) throws java.io.IOException {
        Path base = null;
        Path head = self;
        double threshold = GateOptions.DEFAULT_THRESHOLD;
        int min = GateOptions.DEFAULT_MIN_ROUNDS;
        int max = GateOptions.DEFAULT_MAX_ROUNDS;
        Path out = null;
        OptionalLong seed = OptionalLong.empty();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--base", "--head", "--threshold", "--min-rounds", "--max-rounds", "--out", "--seed" -> {
                    if (i + 1 >= args.size()) throw new UsageException("gate: " + a + " needs a value");
                    String v = args.get(++i);
                    switch (a) {
                        case "--base" -> base = jar(a, v);
                        case "--head" -> head = jar(a, v);
                        case "--threshold" -> threshold = Fraction.parse("gate: --threshold", v);
                        case "--min-rounds" -> min = positive(a, v);
                        case "--max-rounds" -> max = positive(a, v);
                        case "--out" -> out = Path.of(v);
                        default -> seed = OptionalLong.of(number(a, v));
                    }
                }
                default -> {
                    if (a.startsWith("--")) throw new UsageException("gate: unknown option " + a + " (docs/benchmarks.md lists the gate's options)");
                    rest.add(a);
                }
            }
        }
        if (base == null) throw new UsageException("gate: --base OTHER/benchmarks.jar is required");
        if (!Files.isRegularFile(head)) throw new UsageException("gate: not run from benchmarks.jar: give the head jar with --head JAR");
        if (min > max) throw new UsageException("gate: --min-rounds " + min + " is above --max-rounds " + max);
        if (out == null) out = Files.createTempDirectory("renacer-gate");
        boolean selects = !onlyOptionValues(rest);
        List<String> jmh = Selection.translate(selects ? rest : concat(GateOptions.DEFAULT_SELECTION, rest));
        return new GateOptions(base, head, threshold, min, max, out, seed, jmh);
    }

    /** True when every non-dash word is the value of the option before it (e.g. "-f 1"): no selection given. */
    private static boolean onlyOptionValues(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) continue;
            if (i == 0 || !args.get(i - 1).startsWith("-")) return false;
        }
        return true;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path jar(String option, String value) {
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) throw new UsageException("gate: " + option + " " + value + ": no such jar");
        return p.toAbsolutePath();
    }

    private static int positive(String option, String value) {
        long n = number(option, value);
        if (n < 1 || n > 1000) throw new UsageException("gate: " + option + " takes a count from 1 to 1000, not " + value);
        return (int) n;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("gate: " + option + " takes a number, not '" + value + "'");
        }
    }
}
