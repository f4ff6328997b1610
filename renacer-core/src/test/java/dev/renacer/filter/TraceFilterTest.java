package dev.renacer.filter;

import dev.renacer.syscall.SyscallClass;
import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceFilterTest {
    private static final int READ = SyscallTable.number("read"), WRITE = SyscallTable.number("write"), OPEN = SyscallTable.number("open"),
            CLOSE = SyscallTable.number("close"), MMAP = SyscallTable.number("mmap"), OPENAT = SyscallTable.number("openat"),
            NEWFSTATAT = SyscallTable.number("newfstatat");

    @Test
    void allTracesEverythingIncludingUnknownNumbers() {
        TraceFilter all = TraceFilter.all();
        for (int n = 0; n < SyscallTable.size(); n++) assertThat(all.traces(n)).isTrue();
        assertThat(all.traces(5000)).isTrue();
    }

    @Test
    void namesAndNumbers() {
        TraceFilter f = TraceFilter.parse("open,close");
        assertThat(f.traces(OPEN)).isTrue();
        assertThat(f.traces(CLOSE)).isTrue();
        assertThat(f.traces(READ)).isFalse();
        assertThat(f.traces(5000)).isFalse();
        assertThat(TraceFilter.parse("0").traces(READ)).isTrue();
        assertThat(TraceFilter.parse("0").traces(WRITE)).isFalse();
        assertThat(TraceFilter.parse("open,,close").traces(CLOSE)).as("empty fields are skipped").isTrue();
    }

    @Test
    void classesWithAndWithoutPercent() {
        TraceFilter file = TraceFilter.parse("%file");
        assertThat(file.traces(OPENAT)).isTrue();
        assertThat(file.traces(NEWFSTATAT)).isTrue();
        assertThat(file.traces(SyscallTable.number("execve"))).isTrue();
        assertThat(file.traces(CLOSE)).isFalse();
        assertThat(TraceFilter.parse("file").traces(OPENAT)).isTrue();
        assertThat(TraceFilter.parse("network").traces(SyscallTable.number("socket"))).isTrue();
        assertThat(TraceFilter.parse("%net").traces(SyscallTable.number("socket"))).isTrue();
        assertThat(TraceFilter.parse("%%stat").traces(NEWFSTATAT)).isTrue();
        assertThat(TraceFilter.parse("%%stat").traces(OPENAT)).isFalse();
        assertThat(TraceFilter.parse("%creds").traces(SyscallTable.number("getuid"))).isTrue();
        TraceFilter desc = TraceFilter.parse("desc");
        for (int n = 0; n < SyscallTable.size(); n++) {
            assertThat(desc.traces(n)).isEqualTo(SyscallTable.inClass(n, SyscallClass.DESC));
        }
    }

    @Test
    void leadingBangsInvertTheWholeExpression() {
        TraceFilter notClose = TraceFilter.parse("!close");
        assertThat(notClose.traces(CLOSE)).isFalse();
        assertThat(notClose.traces(READ)).isTrue();
        assertThat(notClose.traces(5000)).as("unknown numbers are outside the list, so traced").isTrue();
        TraceFilter notReadOrWrite = TraceFilter.parse("!read,write");
        assertThat(notReadOrWrite.traces(READ)).isFalse();
        assertThat(notReadOrWrite.traces(WRITE)).isFalse();
        assertThat(notReadOrWrite.traces(CLOSE)).isTrue();
        assertThat(TraceFilter.parse("!!close").traces(CLOSE)).isTrue();
        assertThat(TraceFilter.parse("!!close").traces(READ)).isFalse();
        assertThat(TraceFilter.parse("!%file").traces(OPENAT)).isFalse();
        assertThat(TraceFilter.parse("!%file").traces(CLOSE)).isTrue();
    }

    @Test
    void allAndNone() {
        assertThat(TraceFilter.parse("all").traces(MMAP)).isTrue();
        assertThat(TraceFilter.parse("all").traces(5000)).isTrue();
        assertThat(TraceFilter.parse("!all").traces(5000)).isFalse();
        assertThat(TraceFilter.parse("none").traces(MMAP)).isFalse();
        assertThat(TraceFilter.parse("none").traces(5000)).isFalse();
        assertThat(TraceFilter.parse("!all").traces(MMAP)).isFalse();
        assertThat(TraceFilter.parse("!none").traces(MMAP)).isTrue();
        assertThat(TraceFilter.parse("close,all").traces(MMAP)).isTrue();
    }

    @Test
    void regexSearchesNamesWithoutAClosingSlash() {
        TraceFilter f = TraceFilter.parse("/^mmap");
        assertThat(f.traces(MMAP)).isTrue();
        assertThat(f.traces(SyscallTable.number("munmap"))).isFalse();
        TraceFilter stat = TraceFilter.parse("/stat");
        assertThat(stat.traces(NEWFSTATAT)).isTrue();
        assertThat(stat.traces(SyscallTable.number("statx"))).isTrue();
        assertThat(stat.traces(OPENAT)).isFalse();
    }

    @Test
    void questionMarkAcceptsTokensThatSelectNothing() {
        TraceFilter f = TraceFilter.parse("?opne,close");
        assertThat(f.traces(CLOSE)).isTrue();
        assertThat(f.traces(OPEN)).isFalse();
        assertThat(TraceFilter.parse("?%foo").traces(CLOSE)).isFalse();
        assertThat(TraceFilter.parse("?9999,read").traces(READ)).isTrue();
    }

    @Test
    void badTokensAreNamedInStracesWords() {
        assertThatThrownBy(() -> TraceFilter.parse("opne")).isInstanceOf(FilterException.class)
                .hasMessage("invalid system call 'opne'");
        assertThatThrownBy(() -> TraceFilter.parse("file,!clsoe")).hasMessage("invalid system call '!clsoe'");
        assertThatThrownBy(() -> TraceFilter.parse("open,Close")).hasMessage("invalid system call 'Close'");
        assertThatThrownBy(() -> TraceFilter.parse("%FILE")).hasMessage("invalid system call '%FILE'");
        assertThatThrownBy(() -> TraceFilter.parse("net")).hasMessage("invalid system call 'net'");
        assertThatThrownBy(() -> TraceFilter.parse("9999")).hasMessage("invalid system call '9999'");
        assertThatThrownBy(() -> TraceFilter.parse("/^mmapx/")).hasMessage("invalid system call '/^mmapx/'");
        assertThatThrownBy(() -> TraceFilter.parse("")).hasMessage("invalid system call ''");
        assertThatThrownBy(() -> TraceFilter.parse(",")).hasMessage("invalid system call ','");
    }

    @Test
    void badRegexNamesTheRegex() {
        assertThatThrownBy(() -> TraceFilter.parse("/["))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("regcomp: [: ");
    }
}
