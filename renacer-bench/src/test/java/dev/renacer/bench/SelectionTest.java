package dev.renacer.bench;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names a user types select what the original harness's names selected. */
class SelectionTest {
    private static final String PKG = "dev.renacer.bench.suites.";

    private static boolean selects(String word, String benchmark) {
        return Pattern.compile(Selection.toRegex(word)).matcher(PKG + benchmark).find();
    }

    @Test
    void aSuiteSelectsItsBenchmarksOnly() {
        assertThat(selects("syscall_overhead", "syscall_overhead.native_")).isTrue();
        assertThat(selects("syscall_overhead", "syscall_overhead.full_stack")).isTrue();
        assertThat(selects("syscall_overhead", "otlp_export.batch_export")).isFalse();
    }

    @Test
    void suiteDotBenchSelectsOneMethodAndNativeFindsNative_() {
        assertThat(selects("syscall_overhead.native", "syscall_overhead.native_")).isTrue();
        assertThat(selects("syscall_overhead.basic_tracing", "syscall_overhead.basic_tracing")).isTrue();
        assertThat(selects("syscall_overhead.basic_tracing", "syscall_overhead.strace_basic_tracing")).isFalse();
        assertThat(selects("memory_pool.pool_cycle", "memory_pool.pool_cycle")).isTrue();
        assertThat(selects("memory_pool.pool", "memory_pool.pool_cycle")).isFalse();
    }

    @Test
    void anythingElseIsLeftAsTheJmhRegexItIs() {
        assertThat(Selection.translate(List.of("-f", "1", "pool_.*", "-p", "fixture=io_heavy")))
                .containsExactly("-f", "1", "pool_.*", "-p", "fixture=io_heavy");
    }
}
