package dev.renacer.bench.gate;

import dev.renacer.bench.baseline.RunInfo;
import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import dev.renacer.bench.fixtures.ProcessRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression gate: the base jar and the head jar run the same benchmarks in rounds, each round
 * a fresh {@code java -jar} per jar (JMH forks a fresh JVM per benchmark), in an order drawn at random
 * in balanced blocks of two rounds ({@link RunOrder}): each block runs head first once and base first
 * once, so that drifts of a shared machine, and any cost of running first or second, fall on both alike. After each round from the
 * minimum on, every benchmark's paired log ratios are judged ({@link Decision}); rounds go on while
 * any is undecided, up to the cap. Beside time, the tracer's exact counts per syscall must not grow.
 *
 * <p>Exit codes: 0 no regression shown, 1 a regression, 2 bad usage or a jar that cannot run the
 * benchmarks, 3 inconclusive at the cap (with the smallest effect the rounds could have detected).
 */
public final class Gate {
    public static final int EXIT_PASS = 0;
    public static final int EXIT_REGRESSION = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INCONCLUSIVE = 3;

    private final GateOptions options;
    private final PrintStream out;

    public Gate(GateOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** A jar that could not run the benchmarks: the gate cannot decide. */
    public static final class JarFailure extends Exception {
        public JarFailure(String message) {
            super(message);
        }
    }

    public int run() throws IOException, JarFailure {
        long seed = options.seed().orElse(System.nanoTime());
        RunOrder order = new RunOrder(seed);
        Files.createDirectories(options.out());
        long started = System.nanoTime();
        out.println("gate: base " + options.base() + " (" + commitOf(options.base()) + ")");
        out.println("gate: head " + options.head() + " (" + commitOf(options.head()) + ")");
        out.println("gate: threshold " + Rounds.percent(options.threshold()) + ", rounds " + options.minRounds() + ".." + options.maxRounds()
                + ", order seed " + seed + ", JMH " + String.join(" ", options.roundArguments()));
        out.println("gate: machine " + RunInfo.machineLine() + "; rounds' JSON and logs in " + options.out());
        Rounds results = new Rounds(options.threshold(), out);
        int rounds = 0;
        while (rounds < options.maxRounds()) {
            rounds++;
            boolean headFirst = order.headFirst(rounds);
            Map<String, JmhResult> first = runJar(headFirst ? options.head() : options.base(), rounds, headFirst ? "head" : "base");
            Map<String, JmhResult> second = runJar(headFirst ? options.base() : options.head(), rounds, headFirst ? "base" : "head");
            Map<String, JmhResult> head = headFirst ? first : second;
            Map<String, JmhResult> base = headFirst ? second : first;
            if (rounds == 1 && !results.pair(base, head)) return EXIT_PASS;
            results.add(base, head);
            out.printf(Locale.ROOT, "gate: round %d done (%s first), %.1f min%n", rounds, headFirst ? "head" : "base", minutes(started));
            if (rounds >= options.minRounds() && results.decide() != Decision.UNDECIDED) break;
        }
        return results.report(minutes(started));
    }

    private Map<String, JmhResult> runJar(Path jar, int round, String role) throws IOException, JarFailure {
        String stem = String.format(Locale.ROOT, "round-%02d-%s", round, role);
        Path json = options.out().resolve(stem + ".json");
        Path log = options.out().resolve(stem + ".log");
        // A private java.io.tmpdir: JMH's one-run-at-a-time lock file lives there, and another JMH run
        // on the machine (a developer's, another gate's) must neither stop this round nor be stopped by it.
        Path tmp = Files.createDirectories(options.out().resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()));
        command.addAll(options.roundArguments());
        command.addAll(List.of("-rf", "json", "-rff", json.toString()));
        ProcessRun.Result result;
        try (OutputStream logOut = Files.newOutputStream(log)) {
            result = ProcessRun.run(command, Map.of(), logOut);
        }
        Files.writeString(log, result.stderr(), java.nio.file.StandardOpenOption.APPEND);
        if (result.exitCode() != 0 || !Files.exists(json)) {
            if (Files.readString(log).contains("No matching benchmarks")) {
                if (role.equals("base")) return Map.of();
            }
            throw new JarFailure("the " + role + " jar failed in round " + round + " (exit " + result.exitCode() + "): see " + log);
        }
        Map<String, JmhResult> byId = new LinkedHashMap<>();
        for (JmhResult r : JmhJson.read(json)) byId.put(r.id(), r);
        return byId;
    }

    private static String commitOf(Path jar) {
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            var entry = j.getEntry("dev/renacer/bench/baseline/build.properties");
            if (entry == null) return "commit unknown";
            java.util.Properties p = new java.util.Properties();
            try (var in = j.getInputStream(entry)) {
                p.load(in);
            }
            return "commit " + p.getProperty("git.commit", "unknown") + (Boolean.parseBoolean(p.getProperty("git.dirty")) ? "+changes" : "");
        } catch (IOException e) {
            return "commit unknown";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double minutes(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 60e9;
    }

}
