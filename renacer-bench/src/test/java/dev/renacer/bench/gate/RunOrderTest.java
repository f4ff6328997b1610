package dev.renacer.bench.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunOrderTest {

    @Test
    void everyBlockOfTwoRoundsRunsEachJarFirstOnce() {
        for (long seed = 0; seed < 200; seed++) {
            RunOrder order = new RunOrder(seed);
            int headFirst = 0;
            for (int round = 1; round <= 10; round++) {
                if (order.headFirst(round)) headFirst++;
                if (round % 2 == 0) assertThat(headFirst).as("seed %d after round %d", seed, round).isEqualTo(round / 2);
            }
        }
    }

    @Test
    void theOrderIsDrawnAtRandomAndReplaysFromItsSeed() {
        int startsWithHead = 0;
        for (long seed = 0; seed < 200; seed++) {
            RunOrder a = new RunOrder(seed);
            RunOrder b = new RunOrder(seed);
            boolean first = a.headFirst(1);
            assertThat(b.headFirst(1)).isEqualTo(first);
            if (first) startsWithHead++;
        }
        assertThat(startsWithHead).isBetween(60, 140);
    }
}
