package dev.renacer.syscall;

import dev.renacer.filter.TraceFilter;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users rely on strace's classes: for each one, what strace 6.1 traces with {@code -e trace=%CLASS} on a
 * workload must be exactly the calls of strace's full trace of that workload that renacer's table (and
 * filter) put in the class: nothing strace selects is missing, nothing it leaves out is added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassMembershipAgainstStraceTest {
    private Set<String> fullTrace;

    @BeforeAll
    void traceTheWorkloadOnce() throws Exception {
        fullTrace = Strace.tracedNames(null, Strace.WORKLOAD);
        // A workload that makes few calls would make every comparison below trivially true.
        assertThat(fullTrace).contains("openat", "execve", "socket", "getuid", "statfs", "clock_gettime", "semget");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%file", "%desc", "%process", "%memory", "%signal", "%ipc", "%network", "%creds",
        "%clock", "%stat", "%lstat", "%fstat", "%%stat", "%statfs", "%fstatfs", "%%statfs", "%pure"})
    void classSelectsWhatStraceSelects(String spec) throws Exception {
        Set<String> straceSelected = Strace.tracedNames(spec, Strace.WORKLOAD);

        TraceFilter filter = TraceFilter.parse(spec);
        Set<String> renacerSelected = new TreeSet<>();
        for (String name : fullTrace) {
            if (filter.traces(SyscallTable.number(name))) renacerSelected.add(name);
        }
        assertThat(renacerSelected).as("calls of the workload in %s", spec).isEqualTo(straceSelected);
    }
}
