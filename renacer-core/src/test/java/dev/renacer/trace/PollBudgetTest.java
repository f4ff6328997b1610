package dev.renacer.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollBudgetTest {
    private static final long FULL = 200_000;
    private static final int NANOSLEEP = 35, GETPPID = 110;

    @Test
    void noBudgetNeverPolls() {
        PollBudget b = new PollBudget(0);
        assertThat(b.next()).isZero();
        b.restarted(GETPPID);
        assertThat(b.next()).isZero();
    }

    @Test
    void eachPollThatSleepsHalvesTheNextAndAFoundStopRestoresIt() {
        PollBudget b = new PollBudget(FULL);
        assertThat(b.next()).isEqualTo(FULL);
        b.slept();
        assertThat(b.next()).isEqualTo(FULL / 2);
        b.slept();
        assertThat(b.next()).isEqualTo(FULL / 4);
        b.found();
        assertThat(b.next()).isEqualTo(FULL);
    }

    @Test
    void theHalvingStopsAtOneSixtyFourth() {
        PollBudget b = new PollBudget(FULL);
        for (int i = 0; i < 20; i++) {
            b.next();
            b.slept();
        }
        assertThat(b.next()).isEqualTo(FULL >> 6);
    }

    @Test
    void aCallLearnedToSleepIsPolledForOnceInSixteenAfterItsEntry() {
        PollBudget b = new PollBudget(FULL);
        int polled = 0;
        // the sleeper fixture's pattern: nanosleep (the poll after its entry finds nothing), then its exit stop and
        // getppid's entry and exit come at once (found)
        for (int round = 0; round < 64; round++) {
            b.restarted(NANOSLEEP);
            if (b.next() > 0) {
                polled++;
                b.slept();
            }
            b.restarted(-1); // nanosleep's exit: back to its own code, the next entry comes at once
            assertThat(b.next()).as("round %d, after the exit", round).isGreaterThan(0);
            b.found();
            b.restarted(GETPPID);
            assertThat(b.next()).as("round %d, getppid", round).isEqualTo(FULL);
            b.found();
        }
        // two sleeping polls teach it (score 4), then one probe in 16 of the 62 rounds left
        assertThat(polled).isBetween(2 + 62 / 16 - 1, 2 + 62 / 16 + 1);
    }

    @Test
    void aCallThatStopsSleepingIsPolledForAgain() {
        PollBudget b = new PollBudget(FULL);
        for (int i = 0; i < 2; i++) {
            b.restarted(NANOSLEEP);
            assertThat(b.next()).isGreaterThan(0);
            b.slept();
        }
        b.restarted(NANOSLEEP);
        assertThat(b.next()).as("learned: sleeps").isZero();
        // from now on every probe finds a stop: the score falls back under the threshold and polling resumes
        int skipped = 0;
        for (int i = 0; i < 16 * 8; i++) {
            b.restarted(NANOSLEEP);
            if (b.next() > 0) b.found();
            else skipped++;
        }
        b.restarted(NANOSLEEP);
        assertThat(b.next()).isGreaterThan(0);
        assertThat(skipped).as("polling resumed within one probe cycle").isLessThan(PollBudget.PROBE_EVERY);
    }

    @Test
    void numbersOutOfTheTableAreTheTasksOwnCode() {
        PollBudget b = new PollBudget(FULL);
        b.restarted(PollBudget.SYSCALL_NUMBERS + 5);
        assertThat(b.next()).isEqualTo(FULL);
        b.slept();
        b.restarted(-7);
        assertThat(b.next()).isEqualTo(FULL / 2);
    }
}
