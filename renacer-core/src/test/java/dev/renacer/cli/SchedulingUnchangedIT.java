package dev.renacer.cli;

import dev.renacer.testing.Shell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.renacer.testing.Shell.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What renacer does for speed (polling for stops, the seccomp filter) never reaches the traced program's scheduling:
 * its CPU affinity, nice value and scheduling policy are those it has untraced, here under a caller that set all three.
 */
class SchedulingUnchangedIT {
    /** The program reports its own scheduling state, and its child's (under -f), the way a user would look at it. */
    private static final String REPORT = "grep Cpus_allowed_list /proc/self/status; nice; chrt -p $$; sh -c 'nice; chrt -p $$'";

    @ParameterizedTest
    @ValueSource(strings = {"-f -e trace=none", "-f", "-e trace=write", "-f -e trace=write --no-seccomp-bpf"})
    void affinityPriorityAndPolicyAreTheCallers(String options) throws Exception {
        String caller = "taskset -c 0 nice -n 7 chrt --batch 0 ";
        Shell.Result untraced = Shell.run(caller + "sh -c " + quote(REPORT));
        Shell.Result traced = Shell.run("RENACER_POLL_US=200 " + caller + quote(Shell.launcher()) + " -o /dev/null " + options
                + " -- sh -c " + quote(REPORT));
        assertThat(untraced.out()).contains("Cpus_allowed_list:\t0\n").contains("SCHED_BATCH").contains("7\n");
        assertThat(withoutPids(traced.out())).as(traced.err()).isEqualTo(withoutPids(untraced.out()));
        assertThat(traced.exitCode()).isZero();
    }

    private static String withoutPids(String report) {
        return report.replaceAll("pid \\d+'s", "pid N's");
    }
}
