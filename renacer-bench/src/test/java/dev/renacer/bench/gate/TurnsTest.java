package dev.renacer.bench.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TurnsTest {

    /** Two forks, as the gate starts them, run their iterations strictly in turns from the first role. */
    @Test
    void baseAndHeadTakeTurnsIterationByIteration(@TempDir Path dir) throws Exception {
        Path turn = dir.resolve("round-01.turn");
        Turns.pass(turn, "head");
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        Thread base = fork(new Turns(turn, "base", TimeUnit.SECONDS.toNanos(60)), "base", started);
        Thread head = fork(new Turns(turn, "head", TimeUnit.SECONDS.toNanos(60)), "head", started);
        base.start();
        head.start();
        base.join();
        head.join();
        assertThat(started).containsExactly("head", "base", "head", "base", "head", "base", "head", "base", "head", "base");
        assertThat(Files.readString(turn)).isEqualTo("head");
    }

    /** A fork whose partner never passes the turn runs on after its patience, and waits no more. */
    @Test
    void aTurnThatNeverComesIsGivenUpOnce(@TempDir Path dir) throws Exception {
        Path turn = dir.resolve("round-01.turn");
        Turns.pass(turn, "head");
        Turns base = new Turns(turn, "base", TimeUnit.MILLISECONDS.toNanos(50));
        long started = System.nanoTime();
        base.beforeIteration(null, null);
        base.afterIteration(null, null, null);
        Turns.pass(turn, "head");
        base.beforeIteration(null, null);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(Files.readString(turn)).isEqualTo("head");
    }

    /** Outside a gate (no environment) the profiler does nothing. */
    @Test
    void withoutTheGatesEnvironmentNothingWaits() {
        Turns none = new Turns(null, null, Long.MAX_VALUE);
        none.beforeIteration(null, null);
        assertThat(none.afterIteration(null, null, null)).isEmpty();
    }

    private static Thread fork(Turns turns, String role, List<String> started) {
        return new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                turns.beforeIteration(null, null);
                started.add(role);
                turns.afterIteration(null, null, null);
            }
        });
    }
}
