package dev.renacer.otlp;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The OpenTelemetry exporters report failed requests through java.util.logging, whose default
 * handler would print multi-line warnings into renacer's stderr, in the middle of the trace. This
 * takes them over: nothing is printed, the last message is kept for the exit summary.
 */
public final class ExporterErrors extends Handler {
    private static final ExporterErrors INSTANCE = new ExporterErrors();
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its level. */
    private static final Logger OTEL_LOGGER = Logger.getLogger("io.opentelemetry");
    private volatile String last;

    private ExporterErrors() {
        setLevel(Level.WARNING);
    }

    /** Installs the handler (idempotent) and returns it. */
    public static synchronized ExporterErrors install() {
        if (!OTEL_LOGGER.getUseParentHandlers()) return INSTANCE;
        OTEL_LOGGER.setUseParentHandlers(false);
        OTEL_LOGGER.addHandler(INSTANCE);
        return INSTANCE;
    }

    /** The last warning an exporter logged, on one line, or null. */
    public String last() {
        return last;
    }

    /** What renacer's own exporter reports instead of logging. */
    public void report(String message) {
        last = message;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || record.getLevel().intValue() < Level.WARNING.intValue()) return;
        String message = record.getMessage();
        Throwable thrown = record.getThrown();
        if (thrown != null) message = message + " (" + thrown.getClass().getSimpleName() + ": " + thrown.getMessage() + ")";
        if (message != null) last = message.replace('\n', ' ');
    }

    @Override public void flush() {}
    @Override public void close() {}
}
