package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.Test;

/** A call made through int $0x80 carries an i386 number: its span is named from the i386 table. */
class I386SpanNameTest {

    @Test
    void anI386CallIsNamedFromTheI386TableAndCachedApart() {
        SpanNames names = new SpanNames();
        SpanRecord r = new SpanPool(0).acquire().fillSyscall(7, 7, 20, true, "", "7", 0, 1, 2, names);
        r.prepareForExport(new StringCache());
        assertThat(r.getName()).isEqualTo("syscall: getpid");
        assertThat(r.getAttributes().get(AttributeKey.stringKey("syscall.name"))).isEqualTo("getpid");
        assertThat(r.getAttributes().get(AttributeKey.longKey("syscall.number"))).isEqualTo(20L);
        // x86_64's 20 is writev, and the two names do not share a cache slot
        assertThat(names.spanName(20, false)).isEqualTo("syscall: writev");
        assertThat(names.spanName(20, true)).isEqualTo("syscall: getpid");
    }
}
