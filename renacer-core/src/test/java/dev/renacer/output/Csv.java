package dev.renacer.output;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests, independent of the writer under test. */
final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean rowStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            rowStarted = true;
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= text.length()) throw new IllegalArgumentException("unterminated quoted field");
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else break;
                    } else field.append(q);
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                rowStarted = false;
                i += 2;
            } else if (c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("bare " + (int) c + " at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (rowStarted) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
