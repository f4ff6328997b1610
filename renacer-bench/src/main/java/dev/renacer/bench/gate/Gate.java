package dev.renacer.bench.gate;

import dev.renacer.bench.baseline.RunInfo;
import dev.renacer.bench.compare.JmhJson;
import dev.renacer.bench.compare.JmhResult;
import dev.renacer.bench.fixtures.ProcessRun;
import dev.renacer.bench.fixtures.RenacerCli;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The regression gate: the base jar and the head jar run the same benchmarks in rounds, each round
 * a fresh {@code java} per jar (JMH forks a fresh JVM per benchmark). When both jars list the same
 * benchmarks and parameters, a round starts both at once and they take turns iteration by iteration
 * ({@link Turns}), so the two measurements of a round are never more than an iteration apart; else
 * one jar runs its whole round after the other. Who goes first is drawn at random in balanced blocks
 * of two rounds ({@link RunOrder}): each block has head first once and base first once, so that
 * drifts of a shared machine, and any cost of going first or second, fall on both alike. After each round from the
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
        boolean interleaved = sameBenchmarks();
        out.println(interleaved ? "gate: both jars list the same benchmarks: each round runs them at once, iterations in turns"
                : "gate: the jars list different benchmarks: each round runs one jar after the other");
        Rounds results = new Rounds(options.threshold(), out);
        int rounds = 0;
        while (rounds < options.maxRounds()) {
            rounds++;
            boolean headFirst = order.headFirst(rounds);
            Map<String, JmhResult> head;
            Map<String, JmhResult> base;
            if (interleaved) {
                Path turn = options.out().resolve(String.format(Locale.ROOT, "round-%02d.turn", rounds));
                Turns.pass(turn, headFirst ? "head" : "base");
                List<Map<String, JmhResult>> both = inTurns(rounds, turn);
                base = both.get(0);
                head = both.get(1);
            } else {
                Map<String, JmhResult> first = runJar(headFirst ? options.head() : options.base(), rounds, headFirst ? "head" : "base", null);
                Map<String, JmhResult> second = runJar(headFirst ? options.base() : options.head(), rounds, headFirst ? "base" : "head", null);
                head = headFirst ? first : second;
                base = headFirst ? second : first;
            }
            if (rounds == 1 && !results.pair(base, head)) return EXIT_PASS;
            results.add(base, head);
            out.printf(Locale.ROOT, "gate: round %d done (%s first), %.1f min%n", rounds, headFirst ? "head" : "base", minutes(started));
            if (rounds >= options.minRounds() && results.decide() != Decision.UNDECIDED) break;
        }
        return results.report(minutes(started));
    }

    /** Both jars at once, iterations in turns through {@code turn}: the base's results, then the head's. */
    private List<Map<String, JmhResult>> inTurns(int round, Path turn) throws IOException, JarFailure {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, JmhResult>> base = pool.submit(() -> runJar(options.base(), round, "base", turn));
            Future<Map<String, JmhResult>> head = pool.submit(() -> runJar(options.head(), round, "head", turn));
            return List.of(result(base), result(head));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, JmhResult> result(Future<Map<String, JmhResult>> run) throws IOException, JarFailure {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JarFailure f) throw f;
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether both jars list the same benchmarks with the same parameters for this selection (JMH's -lp). */
    private boolean sameBenchmarks() throws IOException {
        return listing(options.base()).equals(listing(options.head()));
    }

    private String listing(Path jar) throws IOException {
        List<String> command = new ArrayList<>(launch(jar, options.out().resolve("tmp-list")));
        command.addAll(options.jmhArguments());
        command.add("-lp");
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        ProcessRun.Result result = ProcessRun.run(command, Map.of(), listed);
        return result.exitCode() + "\n" + listed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@code java -cp JAR:GATE MAIN}: the jar's own Main and classes first; this gate's classes after
     * them, so a base jar built before {@link Turns} existed takes turns too.
     */
    private static List<String> launch(Path jar, Path tmp) throws IOException {
        // A private java.io.tmpdir per jar: JMH's one-run-at-a-time lock file lives there, and another JMH
        // run on the machine (a developer's, another gate's, the other jar of this round) must neither stop
        // this one nor be stopped by it.
        Files.createDirectories(tmp);
        String classPath = jar + java.io.File.pathSeparator + RenacerCli.codeSource();
        return List.of(java(), "-Djava.io.tmpdir=" + tmp, "-cp", classPath, mainClass(jar));
    }

    private static String mainClass(Path jar) throws IOException {
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest m = j.getManifest();
            String main = m == null ? null : m.getMainAttributes().getValue("Main-Class");
            return main != null ? main : dev.renacer.bench.Main.class.getName();
        }
    }

    private Map<String, JmhResult> runJar(Path jar, int round, String role, Path turn) throws IOException, JarFailure {
        String stem = String.format(Locale.ROOT, "round-%02d-%s", round, role);
        Path json = options.out().resolve(stem + ".json");
        Path log = options.out().resolve(stem + ".log");
        List<String> command = new ArrayList<>(launch(jar, options.out().resolve("tmp-" + role)));
        command.addAll(options.roundArguments());
        Map<String, String> environment = Map.of();
        if (turn != null) {
            command.addAll(List.of("-prof", Turns.class.getName()));
            environment = Map.of(Turns.TURN_VARIABLE, turn.toString(), Turns.ROLE_VARIABLE, role);
        }
        command.addAll(List.of("-rf", "json", "-rff", json.toString()));
        ProcessRun.Result result;
        try (OutputStream logOut = Files.newOutputStream(log)) {
            result = ProcessRun.run(command, environment, logOut);
        }
        Files.writeString(log, result.stderr(), java.nio.file.StandardOpenOption.APPEND);
        if (result.stderr().contains(Turns.TIMEOUT_LINE)) {
            out.println("gate: round " + round + ": the " + role + " jar waited " + Turns.PATIENCE_SECONDS
                    + " s for a turn and ran on without it (see " + log + ")");
        }
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
