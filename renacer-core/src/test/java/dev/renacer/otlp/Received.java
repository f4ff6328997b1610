package dev.renacer.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reading what a receiver got, in the official protobuf types. */
final class Received {
    private Received() {}

    static List<Span> spans(List<ExportTraceServiceRequest> requests) {
        List<Span> out = new ArrayList<>();
        for (ExportTraceServiceRequest r : requests) {
            for (ResourceSpans rs : r.getResourceSpansList()) {
                for (ScopeSpans ss : rs.getScopeSpansList()) out.addAll(ss.getSpansList());
            }
        }
        return out;
    }

    static Optional<AnyValue> attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(KeyValue::getValue).findFirst();
    }

    static String string(Span span, String key) {
        return attribute(span.getAttributesList(), key).map(AnyValue::getStringValue).orElse(null);
    }

    static Long integer(Span span, String key) {
        return attribute(span.getAttributesList(), key).map(AnyValue::getIntValue).orElse(null);
    }

    static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
