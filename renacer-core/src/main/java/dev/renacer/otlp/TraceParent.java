package dev.renacer.otlp;

import java.util.Optional;

/**
 * A W3C Trace Context {@code traceparent} value ({@code 00-<32 hex>-<16 hex>-<2 hex>}) that puts the
 * whole renacer trace under an upstream span: our trace takes its trace id, our root spans take its
 * span id as their parent.
 *
 * @param traceIdHex    32 lowercase hex digits, not all zero
 * @param parentSpanIdHex 16 lowercase hex digits, not all zero
 * @param flags         the trace-flags byte as given
 */
public record TraceParent(String traceIdHex, String parentSpanIdHex, int flags) {

    /**
     * Parses a traceparent header value per W3C Trace Context level 1 (version 00; a higher version
     * is accepted when its first four fields have the version-00 shape, as the spec asks).
     *
     * @return empty with a reason when {@code value} is malformed: the caller words the user error
     */
    public static Parsed parse(String value) {
        if (value == null) return Parsed.error("no value");
        String v = value.strip();
        if (v.length() < 55) return Parsed.error("too short");
        if (v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-') {
            return Parsed.error("fields must be separated by '-'");
        }
        String version = v.substring(0, 2);
        if (!isLowerHex(version) || version.equals("ff")) return Parsed.error("bad version '" + version + "'");
        if (version.equals("00") && v.length() != 55) return Parsed.error("version 00 has exactly 55 characters");
        if (v.length() > 55 && v.charAt(55) != '-') return Parsed.error("bad field after the flags");
        String traceId = v.substring(3, 35);
        String spanId = v.substring(36, 52);
        String flags = v.substring(53, 55);
        if (!isLowerHex(traceId)) return Parsed.error("trace id must be 32 lowercase hex digits");
        if (!isLowerHex(spanId)) return Parsed.error("parent span id must be 16 lowercase hex digits");
        if (!isLowerHex(flags)) return Parsed.error("flags must be 2 lowercase hex digits");
        if (traceId.chars().allMatch(c -> c == '0')) return Parsed.error("trace id is all zeros");
        if (spanId.chars().allMatch(c -> c == '0')) return Parsed.error("parent span id is all zeros");
        return new Parsed(Optional.of(new TraceParent(traceId, spanId, Integer.parseInt(flags, 16))), null);
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }

    /** The outcome of {@link #parse}: a value, or the reason it was refused. */
    public record Parsed(Optional<TraceParent> value, String error) {
        static Parsed error(String reason) {
            return new Parsed(Optional.empty(), reason);
        }
    }
}
