package dev.renacer.trace;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A command line as bytes: what the traced program receives, byte for byte, whatever the locale
 * (strace passes its argv through untouched; a JVM decodes its own arguments in the locale's charset
 * and cannot encode back what did not decode, e.g. {@code $'\xff'} under UTF-8 or {@code é} under C).
 * The text forms are for display only (exported attributes, messages).
 */
public final class Argv {
    private final List<byte[]> words;
    private final List<String> text;

    private Argv(List<byte[]> words, List<String> text) {
        if (words.isEmpty()) throw new IllegalArgumentException("no command");
        this.words = words;
        this.text = text;
    }

    /** The words as their bytes; {@code text} is how they read (same size). */
    public static Argv of(List<byte[]> words, List<String> text) {
        if (words.size() != text.size()) throw new IllegalArgumentException("bytes and text differ in length");
        List<byte[]> copy = new ArrayList<>(words.size());
        for (byte[] w : words) copy.add(w.clone());
        return new Argv(Collections.unmodifiableList(copy), List.copyOf(text));
    }

    /** Strings encoded as the JVM encodes file names and arguments (sun.jnu.encoding), as ProcessBuilder would. */
    public static Argv of(List<String> text) {
        Charset charset = nativeCharset();
        List<byte[]> words = new ArrayList<>(text.size());
        for (String s : text) words.add(s.getBytes(charset));
        return new Argv(Collections.unmodifiableList(words), List.copyOf(text));
    }

    public int size() { return words.size(); }

    /** Word {@code i}'s bytes (a copy). */
    public byte[] bytes(int i) { return words.get(i).clone(); }

    public List<String> text() { return text; }

    /** The charset the JVM decoded its command line and file names with. */
    public static Charset nativeCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
