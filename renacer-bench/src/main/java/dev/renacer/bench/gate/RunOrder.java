package dev.renacer.bench.gate;

import java.util.SplittableRandom;

/**
 * Which jar runs first in each round: random, in balanced blocks of two rounds (the first round of a
 * block draws the order, the second runs the other one). A coin per round lets one order win by
 * chance (five head-first rounds of six one time in nine), and a machine that favours the first or
 * the second JVM of a round then shows a change where there is none; balanced blocks cancel that
 * cost from the mean change after every even round, and keep it to one round's share after an odd one.
 * The same seed gives the same order (--seed replays a gate run).
 */
final class RunOrder {
    private final SplittableRandom random;
    private boolean blockStartedWithHead;

    RunOrder(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Round numbers from 1, asked in order. */
    boolean headFirst(int round) {
        if (round % 2 == 1) {
            blockStartedWithHead = random.nextBoolean();
            return blockStartedWithHead;
        }
        return !blockStartedWithHead;
    }
}
