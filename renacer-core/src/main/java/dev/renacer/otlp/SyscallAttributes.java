package dev.renacer.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The attributes of a syscall span as a view over its {@link SpanRecord}'s fields: the encoder walks
 * them with {@link #forEach} and no map is ever built on the export path.
 */
final class SyscallAttributes implements Attributes {
    static final AttributeKey<String> SYSCALL_NAME = AttributeKey.stringKey("syscall.name");
    static final AttributeKey<Long> SYSCALL_NUMBER = AttributeKey.longKey("syscall.number");
    static final AttributeKey<String> SYSCALL_ARGS = AttributeKey.stringKey("syscall.args");
    static final AttributeKey<String> SYSCALL_RESULT = AttributeKey.stringKey("syscall.result");
    static final AttributeKey<String> SYSCALL_ERRNO = AttributeKey.stringKey("syscall.errno");
    /** OpenTelemetry semantic convention for the thread that made the call. */
    static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");

    private final SpanRecord span;

    SyscallAttributes(SpanRecord span) {
        this.span = span;
    }

    private String argumentsText() {
        return span.argumentsText != null ? span.argumentsText : span.arguments.toString();
    }

    private String resultText() {
        return span.resultText != null ? span.resultText : span.result.toString();
    }

    private Long tid() {
        Long boxed = span.tidBoxed;
        return boxed != null && boxed == span.tid ? boxed : Long.valueOf(span.tid);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T get(AttributeKey<T> key) {
        if (SYSCALL_NAME.equals(key)) return (T) span.syscallName;
        if (SYSCALL_NUMBER.equals(key)) return (T) SpanNames.boxedNumber(span.number);
        if (SYSCALL_ARGS.equals(key)) return (T) argumentsText();
        if (SYSCALL_RESULT.equals(key)) return (T) resultText();
        if (SYSCALL_ERRNO.equals(key)) return (T) span.errnoName;
        if (THREAD_ID.equals(key)) return (T) tid();
        return null;
    }

    @Override
    public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
        consumer.accept(SYSCALL_NAME, span.syscallName);
        consumer.accept(SYSCALL_NUMBER, SpanNames.boxedNumber(span.number));
        consumer.accept(SYSCALL_ARGS, argumentsText());
        consumer.accept(SYSCALL_RESULT, resultText());
        if (span.errnoName != null) consumer.accept(SYSCALL_ERRNO, span.errnoName);
        consumer.accept(THREAD_ID, tid());
    }

    @Override
    public int size() {
        return span.errnoName != null ? 6 : 5;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Map<AttributeKey<?>, Object> asMap() {
        Map<AttributeKey<?>, Object> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    @Override
    public AttributesBuilder toBuilder() {
        AttributesBuilder builder = Attributes.builder();
        builder.put(SYSCALL_NAME, span.syscallName);
        builder.put(SYSCALL_NUMBER, (long) span.number);
        builder.put(SYSCALL_ARGS, argumentsText());
        builder.put(SYSCALL_RESULT, resultText());
        if (span.errnoName != null) builder.put(SYSCALL_ERRNO, span.errnoName);
        builder.put(THREAD_ID, (long) span.tid);
        return builder;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
