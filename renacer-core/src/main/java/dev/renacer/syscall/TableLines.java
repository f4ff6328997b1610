package dev.renacer.syscall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the data tables kept as text resources next to this package: one record a line, '#' comments. */
final class TableLines {
    /** Compiled once: String.split compiles its regex at every call, which was most of renacer's start-up (measured). */
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private TableLines() {}

    /** The non-blank, non-comment lines of a resource in this package, each split on runs of blanks. */
    static List<String[]> read(String resource) {
        return read(resource, Integer.MAX_VALUE);
    }

    /** As {@link #read(String)}, but splits each line into at most {@code limit} fields (the last keeps its blanks). */
    static List<String[]> read(String resource, int limit) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = TableLines.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource dev/renacer/syscall/" + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                rows.add(BLANKS.split(trimmed, limit == Integer.MAX_VALUE ? 0 : limit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/renacer/syscall/" + resource, e);
        }
        return rows;
    }
}
