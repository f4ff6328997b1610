package dev.renacer.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** JMH's JSON as JMH 1.37 writes it: every raw sample kept, units turned into ns per operation. */
class JmhJsonTest {
    private static List<JmhResult> parse(String json) throws Exception {
        return JmhJson.read(new ObjectMapper().readTree(json));
    }

    @Test
    void averageTimeKeepsEveryIterationOfEveryForkAndTheSecondaryTotals() throws Exception {
        JmhResult r = parse("""
                [{"benchmark":"dev.renacer.bench.suites.syscall_overhead.basic_tracing","mode":"avgt",
                  "params":{"mode":"in_process","fixture":"syscall_heavy","rounds":"100"},
                  "primaryMetric":{"score":2.0,"scoreUnit":"ms/op","rawData":[[1.0,2.0],[3.0]]},
                  "secondaryMetrics":{"stops":{"score":3,"scoreUnit":"#","rawData":[[1265,1265],[1265]]},
                                      "tracedSyscalls":{"score":3,"scoreUnit":"#","rawData":[[631,631],[631]]},
                                      "tracerSyscalls":{"score":3,"scoreUnit":"#","rawData":[[3793,3793],[3793]]}}}]
                """).get(0);
        // A result from before the backend parameter was traced with ptrace, and pairs with backend=ptrace.
        assertThat(r.id()).isEqualTo("syscall_overhead.basic_tracing/backend=ptrace/fixture=syscall_heavy/mode=in_process/rounds=100");
        assertThat(r.suite()).isEqualTo("syscall_overhead");
        assertThat(r.samples()).containsExactly(1.0, 2.0, 3.0);
        assertThat(r.nanosPerOp()).containsExactly(1e6, 2e6, 3e6);
        assertThat(r.runScoreNanos()).isEqualTo(2e6);
        TracerCounts c = TracerCounts.of(r);
        assertThat(c.stopsPerSyscall()).isCloseTo(1265.0 / 631, within(1e-12));
        assertThat(c.tracerSyscallsPerSyscall()).isCloseTo(3793.0 / 631, within(1e-12));
    }

    @Test
    void throughputIsInvertedAndSampleModeGivesTheMedianInvocation() throws Exception {
        JmhResult thrpt = parse("""
                [{"benchmark":"x.y","mode":"thrpt","primaryMetric":{"scoreUnit":"ops/s","rawData":[[1000.0]]}}]""").get(0);
        assertThat(thrpt.nanosPerOp()).containsExactly(1e6);
        JmhResult sample = parse("""
                [{"benchmark":"x.y","mode":"sample","primaryMetric":{"scoreUnit":"ms/op",
                  "rawDataHistogram":[[[[10.0,3],[20.0,1]],[[30.0,1]]]]}}]""").get(0);
        // invocations 10 10 10 20 | 30: median 10; per-iteration means 12.5 and 30
        assertThat(sample.invocationMedian()).isEqualTo(10.0);
        assertThat(sample.samples()).containsExactly(12.5, 30.0);
        assertThat(sample.runScoreNanos()).isEqualTo(10e6);
        assertThat(sample.scaled(1.1).runScoreNanos()).isCloseTo(11e6, within(1e-3));
    }

    @Test
    void cpuTimeWinsOverWallTimeWhenTheBenchmarkReportsIt() throws Exception {
        JmhResult r = parse("""
                [{"benchmark":"x.y","mode":"avgt","primaryMetric":{"scoreUnit":"ms/op","rawData":[[50.0,70.0]]},
                  "secondaryMetrics":{"cpuNanos":{"rawData":[[3.0e7,3.0e7]]},"cpuRuns":{"rawData":[[1,1]]}}}]""").get(0);
        assertThat(r.runScoreNanos()).isEqualTo(3.0e7);
        assertThat(r.wallNanos()).isEqualTo(60e6);
        assertThat(r.scaled(1.10).runScoreNanos()).isCloseTo(3.3e7, within(1.0));
    }
}
