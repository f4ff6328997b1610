package dev.renacer.syscall.decode;

/**
 * strace's string_quote: how the bytes of a string, a buffer or a path are shown. Printable ASCII as
 * is, the C escapes \t \n \v \f \r \" \\, anything else in octal with as few digits as possible (three
 * when an octal digit follows); under -x a string holding a byte that is neither printable nor
 * whitespace goes all in {@code \xHH}, under -xx every string does. Allocates nothing.
 */
public final class Quoter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final HexStrings style;
    private final StringBuilder scratch = new StringBuilder(64);

    Quoter(HexStrings style) {
        this.style = style;
    }

    /** {@code bytes} quoted as strace quotes a name in its own messages (no -x): {@code "/etc/host\\303name"}. */
    public static String quoted(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2);
        new Quoter(HexStrings.NONE).quote(bytes, 0, bytes.length, out);
        return out.toString();
    }

    /** {@code "..."}: {@code length} bytes of {@code src} from {@code from}, quoted. */
    void quote(byte[] src, int from, int length, StringBuilder out) {
        out.append('"');
        body(src, from, length, false, out);
        out.append('"');
    }

    /** As {@link #quote}, every byte as {@code \xHH} whatever -x says (strace's QUOTE_FORCE_HEX: getrandom's buffer). */
    static void quoteHex(byte[] src, int from, int length, StringBuilder out) {
        out.append('"');
        hex(src, from, length, out);
        out.append('"');
    }

    /**
     * The inside of strace's {@code <...>} after a descriptor: no quotes, and {@code <} and {@code >}
     * escaped too, so that the brackets stay unambiguous ({@code 3</tmp/a\76b>}).
     */
    void angled(byte[] src, int from, int length, StringBuilder out) {
        body(src, from, length, true, out);
    }

    /**
     * Quotes the printable ASCII text a decoder appended to {@code out} from {@code from} on (an address it
     * formatted, {@code 127.0.0.1}), in place: {@code "127.0.0.1"}, or under -xx {@code "\x31\x32..."}.
     */
    void quoteAppended(StringBuilder out, int from) {
        if (style != HexStrings.ALL) {
            out.insert(from, '"').append('"');
            return;
        }
        scratch.setLength(0);
        scratch.append(out, from, out.length());
        out.setLength(from);
        out.append('"');
        for (int i = 0; i < scratch.length(); i++) {
            char c = scratch.charAt(i);
            out.append("\\x").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
        out.append('"');
    }

    private void body(byte[] src, int from, int length, boolean escapeAngles, StringBuilder out) {
        if (usesHex(src, from, length)) {
            hex(src, from, length, out);
            return;
        }
        int end = from + length;
        for (int i = from; i < end; i++) {
            int c = src[i] & 0xff;
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case 0x0b: out.append("\\v"); break;
                case '\f': out.append("\\f"); break;
                case '\r': out.append("\\r"); break;
                default:
                    if (c >= 0x20 && c < 0x7f && !(escapeAngles && (c == '<' || c == '>'))) {
                        out.append((char) c);
                    } else {
                        out.append('\\');
                        boolean digitFollows = i + 1 < end && src[i + 1] >= '0' && src[i + 1] <= '7';
                        if (digitFollows || c >= 0100) out.append((char) ('0' + (c >> 6)));
                        if (digitFollows || c >= 010) out.append((char) ('0' + ((c >> 3) & 7)));
                        out.append((char) ('0' + (c & 7)));
                    }
            }
        }
    }

    private boolean usesHex(byte[] src, int from, int length) {
        if (style == HexStrings.ALL) return true;
        if (style == HexStrings.NONE) return false;
        for (int i = from; i < from + length; i++) {
            int c = src[i] & 0xff;
            // strace: hex unless each byte is printable or one of the whitespace "\t\n\v\f\r"
            if (c > 0x7e || (c < ' ' && (c < 9 || c > 13))) return true;
        }
        return false;
    }

    private static void hex(byte[] src, int from, int length, StringBuilder out) {
        for (int i = from; i < from + length; i++) {
            out.append("\\x").append(HEX[(src[i] >> 4) & 0xf]).append(HEX[src[i] & 0xf]);
        }
    }
}
