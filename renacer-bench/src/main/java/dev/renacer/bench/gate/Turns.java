package dev.renacer.bench.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * Interleaved iterations: the gate runs the base jar and the head jar at the same time, and this JMH
 * profiler, in each fork, lets only one of them run an iteration at a time, in turns (base, head,
 * base, ... or head first). On a shared machine the cost of a run moves in phases of several
 * seconds (measured here: CPU time per run 22 ms for ten seconds, 60 ms for the next ten); a round
 * that ran one jar's fifteen seconds and then the other's put the two in different phases, and one
 * second apart they share one. Without the gate's environment it does nothing.
 *
 * <p>The turn is a file holding the role whose turn it is ({@value #TURN_VARIABLE}, written by
 * rename, so it is never read half written); {@value #ROLE_VARIABLE} says which role this fork is.
 * A fork waits at most {@link #PATIENCE_SECONDS} for its turn (the other jar failed or has fewer
 * iterations), then runs anyway and says so on standard error, which the gate reports.
 */
public final class Turns implements InternalProfiler {
    public static final String TURN_VARIABLE = "RENACER_GATE_TURN";
    public static final String ROLE_VARIABLE = "RENACER_GATE_ROLE";
    public static final String TIMEOUT_LINE = "renacer-bench: gate: no turn";
    static final long PATIENCE_SECONDS = 120;
    private static final long POLL_MILLIS = 2;

    private final Path turn;
    private final String role;
    private final long patienceNanos;
    /** Set once a turn did not come: this fork then runs on without waiting again. */
    private boolean abandoned;

    /** As JMH makes it in a fork: from the gate's environment. */
    public Turns() {
        this(System.getenv(TURN_VARIABLE) == null ? null : Path.of(System.getenv(TURN_VARIABLE)), System.getenv(ROLE_VARIABLE),
                TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS));
    }

    Turns(Path turn, String role, long patienceNanos) {
        this.turn = turn;
        this.role = role;
        this.patienceNanos = patienceNanos;
    }

    @Override
    public String getDescription() {
        return "renacer gate: base and head run their iterations in turns";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        if (turn == null || role == null || abandoned) return;
        long deadline = System.nanoTime() + patienceNanos;
        while (!role.equals(read(turn))) {
            if (System.nanoTime() > deadline) {
                System.err.println(TIMEOUT_LINE + " for " + role + " in " + TimeUnit.NANOSECONDS.toSeconds(patienceNanos)
                        + " s: running without it");
                abandoned = true;
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        if (turn != null && role != null) pass(turn, other(role));
        return List.of();
    }

    /** Gives the turn to {@code role}. */
    static void pass(Path turn, String role) {
        try {
            Path next = turn.resolveSibling(turn.getFileName() + "." + ProcessHandle.current().pid());
            Files.writeString(next, role);
            Files.move(next, turn, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot pass the turn in " + turn + ": " + e.getMessage(), e);
        }
    }

    static String other(String role) {
        return role.equals("base") ? "head" : "base";
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }
}
