package dev.renacer.otlp;

import java.time.Duration;
import java.util.Locale;

/**
 * How spans are batched: the knobs of the OpenTelemetry SDK's BatchSpanProcessor, named the same and
 * read from the same variables (OTEL_BSP_*, see {@link OtlpSettings.Builder}), plus the span pool's
 * initial capacity.
 *
 * @param maxExportBatchSize spans per export request (OTEL_BSP_MAX_EXPORT_BATCH_SIZE)
 * @param scheduleDelay      longest a span waits for its batch to fill (OTEL_BSP_SCHEDULE_DELAY)
 * @param maxQueueSize       spans waiting for export; past it new spans are dropped and counted (OTEL_BSP_MAX_QUEUE_SIZE)
 * @param exportTimeout      longest the batcher waits for one export to finish; past it the request
 *                           counts as failed and its spans as dropped (OTEL_BSP_EXPORT_TIMEOUT); zero: no bound
 * @param poolCapacity       span records made up front
 */
public record BatchSettings(int maxExportBatchSize, Duration scheduleDelay, int maxQueueSize,
                            Duration exportTimeout, int poolCapacity) {
    /** The SDK's default for OTEL_BSP_EXPORT_TIMEOUT. */
    public static final Duration DEFAULT_EXPORT_TIMEOUT = Duration.ofSeconds(30);

    public BatchSettings {
        if (maxExportBatchSize < 1) throw new IllegalArgumentException("max batch size must be at least 1");
        if (maxQueueSize < maxExportBatchSize) throw new IllegalArgumentException("max queue size must be at least the max batch size");
        if (scheduleDelay.isNegative()) throw new IllegalArgumentException("schedule delay must not be negative");
        if (exportTimeout.isNegative()) throw new IllegalArgumentException("export timeout must not be negative");
        if (poolCapacity < 0) throw new IllegalArgumentException("pool capacity must not be negative");
    }

    /**
     * The presets of {@code --otlp-batch-preset}. Why these numbers: a traced program makes up to a
     * few hundred thousand syscalls a second under ptrace, so the queue must hold what arrives while
     * one request is on the wire (a few milliseconds): 8192 spans in the default.
     */
    public enum Preset {
        /** The default: 512-span requests, at most 200 ms late. */
        BALANCED(512, 200, 8192),
        /** Throughput first: big requests, a deep queue, spans may wait a second. */
        AGGRESSIVE(2048, 1000, 32768),
        /** Spans reach the collector within ~20 ms, in small requests; the queue is smaller. */
        LOW_LATENCY(64, 20, 4096);

        final int batch;
        final int delayMillis;
        final int queue;

        Preset(int batch, int delayMillis, int queue) {
            this.batch = batch;
            this.delayMillis = delayMillis;
            this.queue = queue;
        }

        /** The name a user types: {@code balanced}, {@code aggressive}, {@code low-latency}. */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Preset fromOptionName(String name) {
            for (Preset p : values()) {
                if (p.optionName().equals(name)) return p;
            }
            return null;
        }

        public BatchSettings settings() {
            return new BatchSettings(batch, Duration.ofMillis(delayMillis), queue, DEFAULT_EXPORT_TIMEOUT, 1024);
        }
    }

    public static BatchSettings defaults() {
        return Preset.BALANCED.settings();
    }

    public BatchSettings withMaxExportBatchSize(int v) { return new BatchSettings(v, scheduleDelay, Math.max(v, maxQueueSize), exportTimeout, poolCapacity); }
    public BatchSettings withScheduleDelay(Duration v) { return new BatchSettings(maxExportBatchSize, v, maxQueueSize, exportTimeout, poolCapacity); }
    public BatchSettings withMaxQueueSize(int v) { return new BatchSettings(maxExportBatchSize, scheduleDelay, v, exportTimeout, poolCapacity); }
    public BatchSettings withExportTimeout(Duration v) { return new BatchSettings(maxExportBatchSize, scheduleDelay, maxQueueSize, v, poolCapacity); }
    public BatchSettings withPoolCapacity(int v) { return new BatchSettings(maxExportBatchSize, scheduleDelay, maxQueueSize, exportTimeout, v); }
}
