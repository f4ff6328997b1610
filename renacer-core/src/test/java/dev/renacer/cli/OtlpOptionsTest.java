package dev.renacer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.renacer.otlp.BatchSettings;
import dev.renacer.otlp.OtlpTraceListener;
import dev.renacer.testing.SyntheticTrace;
import dev.renacer.trace.TraceListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The option group as picocli parses it, and the errors a user sees before anything starts. */
class OtlpOptionsTest {

    /** The option group in a command of its own, parsed as the main command parses it. */
    static final class Cmd {
        final OtlpOptions otlp = new OtlpOptions();

        void parse(String... args) {
            CommandSpec spec = CommandSpec.create().name("renacer");
            otlp.addTo(spec);
            new CommandLine(spec).parseArgs(args);
        }
    }

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private TraceListener create(Map<String, String> env, String... args) {
        Cmd cmd = new Cmd();
        cmd.parse(args);
        RunContext ctx = new RunContext(List.of("true"), List.of(), false, env, System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return cmd.otlp.createListener(ctx);
    }

    @Test
    void noEndpointNoFileNoVariableMeansNoListener() {
        assertThat(create(Map.of())).isNull();
        assertThat(create(Map.of("OTEL_SERVICE_NAME", "x"), "--otlp-service-name", "y", "--otlp-batch-preset", "aggressive")).isNull();
    }

    @Test
    void theStandardVariableAloneTurnsExportOn() {
        TraceListener l = create(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:1/v1/traces"));
        assertThat(l).isInstanceOf(OtlpTraceListener.class);
        ((OtlpTraceListener) l).onFinish();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("renacer: otlp: 0 spans exported, 0 dropped, 0 batches sent, 0 failures");
    }

    @Test
    void aFileIsWrittenAndSummarised(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.jsonl");
        TraceListener l = create(Map.of(), "--otlp-file", file.toString(), "--otlp-batch-preset", "low-latency",
                "--trace-parent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        new SyntheticTrace(10, 2).run(l);
        assertThat(Files.readString(file)).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("renacer: otlp: 14 spans exported, 0 dropped");
    }

    @Test
    void optionsWinOverTheBatchProcessorVariablesWhichWinOverThePreset() {
        Cmd cmd = new Cmd();
        cmd.parse("--otlp-batch-preset", "aggressive", "--otlp-max-batch-size", "10", "--otlp-pool-capacity", "7");
        BatchSettings batch = cmd.otlp.settings(Map.of("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "100",
                "OTEL_BSP_MAX_QUEUE_SIZE", "500", "OTEL_BSP_EXPORT_TIMEOUT", "900")).batch();
        assertThat(batch.maxExportBatchSize()).as("the option").isEqualTo(10);
        assertThat(batch.maxQueueSize()).as("the variable, over the preset's 32768").isEqualTo(500);
        assertThat(batch.exportTimeout()).as("the variable").isEqualTo(Duration.ofMillis(900));
        assertThat(batch.scheduleDelay()).as("the preset's").isEqualTo(Duration.ofSeconds(1));
        assertThat(batch.poolCapacity()).isEqualTo(7);
    }

    @Test
    void userErrorsAreOneLineUsageExceptions(@TempDir Path dir) {
        assertUsage("invalid --trace-parent 'nope'", Map.of(), "--trace-parent", "nope");
        assertUsage("invalid TRACEPARENT", Map.of("TRACEPARENT", "00-1-2-3"), "--otlp-endpoint", "http://127.0.0.1:4318");
        assertUsage("invalid OTLP endpoint '::nope'", Map.of(), "--otlp-endpoint", "::nope");
        assertUsage("invalid OTLP endpoint 'localhost:4318'", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4318"));
        assertUsage("unsupported OTLP protocol 'udp'", Map.of(), "--otlp-endpoint", "http://h", "--otlp-protocol", "udp");
        assertUsage("unknown --otlp-batch-preset 'fast'", Map.of(), "--otlp-batch-preset", "fast");
        assertUsage("invalid --otlp-header 'nokey'", Map.of(), "--otlp-header", "nokey");
        assertUsage("invalid OTEL_BSP_MAX_QUEUE_SIZE 'many'", Map.of("OTEL_BSP_MAX_QUEUE_SIZE", "many"));
        assertUsage("must be at least the max batch size", Map.of(), "--otlp-max-batch-size", "100", "--otlp-max-queue-size", "10");
        assertUsage("cannot write the OTLP file", Map.of(), "--otlp-file", dir.resolve("missing/dir/t.jsonl").toString());
    }

    private void assertUsage(String message, Map<String, String> env, String... args) {
        assertThatThrownBy(() -> create(env, args)).isInstanceOf(UsageException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
