package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** strace's date comments, checked against java.time in zones with and without summer time. */
class LocalTimesTest {
    private static String comment(LocalTimes times, long seconds, long fraction, int width) {
        StringBuilder out = new StringBuilder();
        times.appendComment(seconds, fraction, width, out);
        return out.toString();
    }

    @Test
    void asStrace61PrintsThem() {
        LocalTimes utc = new LocalTimes(ZoneId.of("UTC"));
        assertThat(comment(utc, 1577836800, 0, 9)).isEqualTo(" /* 2020-01-01T00:00:00+0000 */");
        assertThat(comment(utc, 1577836800, 500, 9)).isEqualTo(" /* 2020-01-01T00:00:00.000000500+0000 */");
        assertThat(comment(utc, 4102444800L, 999999, 6)).isEqualTo(" /* 2100-01-01T00:00:00.999999+0000 */");
        assertThat(comment(utc, 951782400, 0, 0)).isEqualTo(" /* 2000-02-29T00:00:00+0000 */");
        assertThat(comment(utc, -1, 0, 0)).isEqualTo(" /* 1969-12-31T23:59:59+0000 */");
        assertThat(comment(utc, 0, 0, 9)).isEmpty(); // the epoch itself: strace prints no date
        assertThat(comment(utc, -1, 1000000000, 9)).isEmpty(); // a fraction out of range
        assertThat(comment(new LocalTimes(ZoneId.of("America/New_York")), 1577836800, 0, 9))
                .isEqualTo(" /* 2019-12-31T19:00:00-0500 */");
    }

    @Test
    void everyHourAcrossSummerTimeAgreesWithJavaTime() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");
        for (String zone : new String[] {"Europe/Paris", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe"}) {
            ZoneId id = ZoneId.of(zone);
            LocalTimes times = new LocalTimes(id);
            for (long s = 1_600_000_000L; s < 1_600_000_000L + 400L * 86_400; s += 3_599) {
                String expected = " /* " + format.format(Instant.ofEpochSecond(s).atZone(id)) + " */";
                assertThat(comment(times, s, 0, 0)).as("%s at %d", zone, s).isEqualTo(expected);
            }
        }
    }

    @Test
    void theDefaultIsTheSystemZoneLookedUpAtTheFirstDate() {
        ZoneId system = ZoneId.systemDefault();
        LocalTimes lazy = new LocalTimes(), eager = new LocalTimes(system);
        for (long s : new long[] {1577836800L, 1593561600L, 1, -86_400}) {
            assertThat(comment(lazy, s, 0, 0)).as("%s at %d", system, s).isEqualTo(comment(eager, s, 0, 0)).isNotEmpty();
        }
    }
}
