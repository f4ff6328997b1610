package dev.renacer.filter;

import dev.renacer.syscall.SyscallTable;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same -e trace= expressions given to strace 6.1 and to renacer's filter select the same calls, or fail alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceFilterAgainstStraceTest {
    private Set<String> fullTrace;

    @BeforeAll
    void traceTheWorkloadOnce() throws Exception {
        fullTrace = Strace.tracedNames(null, Strace.WORKLOAD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"open,close", "!close", "!openat,read,write", "/^mmap", "/stat", "?opne,close", "0",
        "all", "none", "!all", "!!close", "file", "%net", "desc", "!%file", "close,%memory", "?%foo"})
    void selectsWhatStraceSelects(String spec) throws Exception {
        Set<String> straceSelected = Strace.tracedNames(spec, Strace.WORKLOAD);
        TraceFilter filter = TraceFilter.parse(spec);
        Set<String> renacerSelected = new TreeSet<>();
        for (String name : fullTrace) if (filter.traces(SyscallTable.number(name))) renacerSelected.add(name);
        assertThat(renacerSelected).isEqualTo(straceSelected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"opne", "net", "%FILE", "9999", ",", "/["})
    void rejectsWhatStraceRejectsWithTheSameMessage(String spec) throws Exception {
        String straceMessage = straceError(spec);
        assertThat(straceMessage).contains("strace: ");
        String expected = straceMessage.substring(straceMessage.indexOf("strace: ") + "strace: ".length());
        if (spec.startsWith("/")) {
            // The regex engines differ in how they describe the error, not in what they name.
            String prefix = expected.substring(0, expected.indexOf(": ", "regcomp: ".length()) + 2);
            assertThatThrownBy(() -> TraceFilter.parse(spec)).hasMessageStartingWith(prefix);
        } else {
            assertThatThrownBy(() -> TraceFilter.parse(spec)).isInstanceOf(FilterException.class).hasMessage(expected);
        }
    }

    /** renacer's two extensions, each checked against what strace selects with the expression it stands for. */
    @org.junit.jupiter.api.Test
    void extensionsSelectWhatTheirStraceEquivalentsSelect() throws Exception {
        Set<String> fileWithoutClose = new TreeSet<>(Strace.tracedNames("%file", Strace.WORKLOAD));
        fileWithoutClose.remove("close");
        assertThat(selectedFromFullTrace("file,!close")).isEqualTo(fileWithoutClose).isNotEmpty();
        assertThat(selectedFromFullTrace("%memory,!/^mmap,!brk")).doesNotContain("mmap", "brk").contains("munmap");
        assertThat(selectedFromFullTrace("/^mmap/")).isEqualTo(Strace.tracedNames("/^mmap", Strace.WORKLOAD));
    }

    private Set<String> selectedFromFullTrace(String spec) {
        TraceFilter filter = TraceFilter.parse(spec);
        Set<String> selected = new TreeSet<>();
        for (String name : fullTrace) if (filter.traces(SyscallTable.number(name))) selected.add(name);
        return selected;
    }

    private static String straceError(String spec) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Strace.executable(), "-e", "trace=" + spec, "true"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("strace rejects %s", spec).isNotZero();
        return stderr.lines().findFirst().orElse("");
    }
}
