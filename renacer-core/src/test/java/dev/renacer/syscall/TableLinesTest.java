package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables' field splitter does what the regex split it replaced did, on the tables' own lines. */
class TableLinesTest {
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    @Test
    void splitsOnRunsOfBlanksAsTheRegexDid() {
        for (String line : new String[]{"0 read", "1\twrite  fd,buf,count", "EPERM 1 Operation not permitted", "x", "a \t b\t\tc"}) {
            assertThat(TableLines.fields(line, Integer.MAX_VALUE)).as(line).containsExactly(BLANKS.split(line, 0));
            for (int limit = 1; limit <= 4; limit++) {
                assertThat(TableLines.fields(line, limit)).as(line + " limit " + limit).containsExactly(BLANKS.split(line, limit));
            }
        }
    }

    @Test
    void theLastOfLimitedFieldsKeepsItsBlanks() {
        assertThat(TableLines.fields("ENOENT 2 No such file or directory", 3)).containsExactly("ENOENT", "2", "No such file or directory");
    }

    @Test
    void everyTableReadsAsTheRegexWouldHaveReadIt() throws Exception {
        for (String table : new String[]{"x86_64.syscalls", "i386.syscalls", "errno.tbl", "flags-files.tbl", "flags-memory.tbl",
                "flags-network.tbl", "flags-process.tbl", "flags-signals.tbl"}) {
            java.util.List<java.util.List<String>> byRegex = new java.util.ArrayList<>();
            try (java.io.InputStream in = TableLines.class.getResourceAsStream(table)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) byRegex.add(java.util.List.of(BLANKS.split(trimmed, 0)));
                }
            }
            assertThat(TableLines.read(table).stream().map(java.util.List::of).toList()).as(table).isNotEmpty().isEqualTo(byRegex);
        }
    }
}
