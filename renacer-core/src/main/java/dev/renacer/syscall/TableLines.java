package dev.renacer.syscall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the data tables kept as text resources next to this package: one record a line, '#' comments. */
final class TableLines {
    private TableLines() {}

    /** The non-blank, non-comment lines of a resource in this package, each split on runs of blanks. */
    static List<String[]> read(String resource) {
        return read(resource, Integer.MAX_VALUE);
    }

    /** As {@link #read(String)}, but splits each line into at most {@code limit} fields (the last keeps its blanks). */
    static List<String[]> read(String resource, int limit) {
        byte[] bytes;
        try (InputStream in = dev.renacer.io.OwnJar.open(TableLines.class, "/dev/renacer/syscall/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource dev/renacer/syscall/" + resource);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/renacer/syscall/" + resource, e);
        }
        // the whole file decoded at once and cut at its newlines: a BufferedReader's decoder, line by line, was
        // a third of this method's time in the interpreter
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (int at = 0, n = text.length(); at < n; ) {
            int end = text.indexOf('\n', at);
            if (end < 0) end = n;
            String trimmed = text.substring(at, end).strip();
            at = end + 1;
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            rows.add(fields(trimmed, limit));
        }
        return rows;
    }

    /**
     * {@code line} (stripped, not empty) split on runs of blanks into at most {@code limit} fields, the last keeping
     * its blanks. A scan, not a regex: the tables are read at every start, and java.util.regex's initialisation and
     * matching in the interpreter were 25 ms of it (README, Performance, Start-up).
     */
    static String[] fields(String line, int limit) {
        List<String> fields = new ArrayList<>(8);
        int n = line.length(), at = 0;
        while (at < n) {
            if (fields.size() == limit - 1) {
                fields.add(line.substring(at));
                break;
            }
            int end = at;
            while (end < n && !Character.isWhitespace(line.charAt(end))) end++;
            fields.add(line.substring(at, end));
            at = end;
            while (at < n && Character.isWhitespace(line.charAt(at))) at++;
        }
        return fields.toArray(new String[0]);
    }
}
