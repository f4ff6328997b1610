package dev.renacer.stats;

import dev.renacer.testing.Renacer;
import dev.renacer.testing.SideBySide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What -c's time column measures, as strace 6.1: the system CPU time of each call by default, the wall
 * time with -w. A call that sleeps 300 ms uses next to no CPU: strace -c and renacer -c both put it near
 * zero, strace -c -w and renacer -c -w at 300 ms or more. -w without -c is refused as strace refuses it.
 */
class SummaryTimeAgainstStraceIT {
    private static final List<String> SLEEP = List.of("sleep", "0.3");

    @Test
    void dashCCountsSystemTimeAndDashWWallTime() throws Exception {
        double straceSystem = seconds(SideBySide.strace(List.of("-c"), SLEEP).lines("trace"));
        double renacerSystem = seconds(SideBySide.renacer(List.of("-c"), SLEEP).lines("trace"));
        double straceWall = seconds(SideBySide.strace(List.of("-c", "-w"), SLEEP).lines("trace"));
        double renacerWall = seconds(SideBySide.renacer(List.of("-c", "-w"), SLEEP).lines("trace"));
        assertThat(straceSystem).as("strace -c").isLessThan(0.1);
        assertThat(renacerSystem).as("renacer -c").isLessThan(0.1);
        assertThat(straceWall).as("strace -c -w").isGreaterThanOrEqualTo(0.3);
        assertThat(renacerWall).as("renacer -c -w").isGreaterThanOrEqualTo(0.3);
    }

    @Test
    void dashWNeedsASummary() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-w", "true"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).containsExactly(
                "renacer: -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
    }

    /** The seconds of clock_nanosleep's row of a -c table. */
    private static double seconds(List<String> table) {
        for (String line : table) {
            String[] t = line.trim().split("\\s+");
            if (t.length >= 5 && t[t.length - 1].equals("clock_nanosleep")) return Double.parseDouble(t[1]);
        }
        throw new AssertionError("no clock_nanosleep row in " + table);
    }
}
