package dev.renacer.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Puts renacer's records in front of an exporter that reads them through the {@link SpanData} getters
 * (every OpenTelemetry exporter: OTLP/HTTP, OTLP/gRPC, the OTLP/JSON file): before handing a batch
 * on, it makes the few Strings those getters return ({@link SpanRecord#prepareForExport}), reusing
 * recent ones ({@link StringCache}). renacer's own encoder reads the records' buffers and needs no
 * such step, so {@link DirectOtlpHttpExporter} goes unwrapped. Called on the batcher's exporter thread.
 */
final class MaterializingExporter implements SpanExporter {
    private final SpanExporter delegate;
    private final StringCache strings = new StringCache();

    MaterializingExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            if (span instanceof SpanRecord record) record.prepareForExport(strings);
        }
        return delegate.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
