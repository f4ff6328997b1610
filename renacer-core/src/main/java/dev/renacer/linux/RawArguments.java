package dev.renacer.linux;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of this JVM's own program arguments, from /proc/self/cmdline. The JVM hands main() its
 * arguments decoded in the locale's charset, which loses any byte that does not decode; the kernel
 * kept the originals. They are the last entries of the command line (the JVM's own options and the
 * jar come first).
 */
public final class RawArguments {
    private RawArguments() {}

    /**
     * For each of {@code args} (main's arguments, in order), its original bytes; or null when the
     * command line cannot be matched with them (then the caller encodes the strings as they are).
     */
    public static List<byte[]> of(String[] args, Charset charset) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return match(split(cmdline), args, charset);
    }

    /** The NUL-terminated words of a /proc/PID/cmdline. */
    static List<byte[]> split(byte[] cmdline) {
        List<byte[]> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                words.add(java.util.Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) words.add(java.util.Arrays.copyOfRange(cmdline, start, cmdline.length));
        return words;
    }

    /**
     * The last {@code args.length} words, if they line up with the arguments: a word that decodes
     * cleanly must equal its argument; one that does not (the case this class exists for) was decoded
     * by the JVM with some replacement ('?' or U+FFFD, depending on the charset), so it is taken as is.
     */
    static List<byte[]> match(List<byte[]> words, String[] args, Charset charset) {
        if (words.size() < args.length) return null;
        List<byte[]> tail = words.subList(words.size() - args.length, words.size());
        for (int i = 0; i < args.length; i++) {
            String clean = decodeStrictly(tail.get(i), charset);
            if (clean != null && !clean.equals(args[i])) return null;
        }
        return new ArrayList<>(tail);
    }

    /** The text of {@code bytes}, or null if they are not valid in {@code charset}. */
    private static String decodeStrictly(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
