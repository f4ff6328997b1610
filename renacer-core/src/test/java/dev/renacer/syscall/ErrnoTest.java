package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrnoTest {

    @Test
    void namesAndGlibcMessages() {
        assertThat(Errno.name(1)).isEqualTo("EPERM");
        assertThat(Errno.name(2)).isEqualTo("ENOENT");
        assertThat(Errno.message(2)).isEqualTo("No such file or directory");
        assertThat(Errno.name(11)).as("strace prints EAGAIN, not its alias EWOULDBLOCK").isEqualTo("EAGAIN");
        assertThat(Errno.message(11)).isEqualTo("Resource temporarily unavailable");
        assertThat(Errno.name(95)).isEqualTo("EOPNOTSUPP");
        assertThat(Errno.name(110)).isEqualTo("ETIMEDOUT");
        assertThat(Errno.message(110)).isEqualTo("Connection timed out");
        assertThat(Errno.name(133)).isEqualTo("EHWPOISON");
        assertThat(Errno.number("EACCES")).isEqualTo(13);
    }

    @Test
    void errorsAreTheReturnValuesMinus4095ToMinus1AsStracesSyserrorSays() {
        assertThat(Errno.isError(-1)).isTrue();
        assertThat(Errno.isError(-4095)).isTrue();
        assertThat(Errno.isError(-4096)).as("an address such as mmap's, not an errno").isFalse();
        assertThat(Errno.isError(0)).isFalse();
        assertThat(Errno.isError(Long.MIN_VALUE)).isFalse();
        assertThat(Errno.printedName(2)).isEqualTo("ENOENT");
        assertThat(Errno.printedName(512)).isEqualTo("ERESTARTSYS");
        assertThat(Errno.printedName(4000)).as("as strace prints it: -1 4000 (Unknown error 4000)").isEqualTo("4000");
    }

    @Test
    void numbersWithoutANameGetGlibcsUnknownText() {
        assertThat(Errno.name(41)).isNull();
        assertThat(Errno.message(41)).isEqualTo("Unknown error 41");
        assertThat(Errno.message(4000)).isEqualTo("Unknown error 4000");
    }

    @Test
    void restartCodesPrintAsStraceDoes() {
        StringBuilder out = new StringBuilder();
        Errno.appendFailure(512, out);
        assertThat(out).hasToString("? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        out.setLength(0);
        Errno.appendFailure(513, out);
        assertThat(out).hasToString("? ERESTARTNOINTR (To be restarted)");
        out.setLength(0);
        Errno.appendFailure(514, out);
        assertThat(out).hasToString("? ERESTARTNOHAND (To be restarted if no handler)");
        out.setLength(0);
        Errno.appendFailure(515, out);
        assertThat(out).hasToString("-1 ENOIOCTLCMD (Unknown error 515)");
        out.setLength(0);
        Errno.appendFailure(13, out);
        assertThat(out).hasToString("-1 EACCES (Permission denied)");
    }

    @Test
    void everyNamedErrnoUpToEhwpoisonIsPresent() {
        int named = 0;
        for (int e = 1; e <= 133; e++) if (Errno.name(e) != null) named++;
        assertThat(named).as("1..133 less the two unused numbers 41 and 58").isEqualTo(131);
    }
}
