package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** The times utimensat, futimesat and utime set, with their dates; expected texts are strace 6.1's (decoders_files.c, TZ=UTC). */
class FileTimeDecodersTest extends DecoderTestBase {
    @Test
    void timesWithTheirDates() {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            SyscallDecoder utc = new SyscallDecoder(memory, 32);
            long file = memory.string("f");
            long times = memory.map(le(32).putLong(1577836800).putLong(0).putLong(1577836800).putLong(500).array());
            assertThat(call(utc, "utimensat", 0, -100, file, times, 0)).isEqualTo("AT_FDCWD, \"f\", [{tv_sec=1577836800, tv_nsec=0} "
                    + "/* 2020-01-01T00:00:00+0000 */, {tv_sec=1577836800, tv_nsec=500} /* 2020-01-01T00:00:00.000000500+0000 */], 0");
            long special = memory.map(le(32).putLong(0).putLong((1L << 30) - 2).putLong(0).putLong((1L << 30) - 1).array());
            assertThat(call(utc, "utimensat", 0, -100, file, special, 0x100))
                    .isEqualTo("AT_FDCWD, \"f\", [UTIME_OMIT, UTIME_NOW], AT_SYMLINK_NOFOLLOW");
            assertThat(call(utc, "utimensat", -14, -100, file, 0xdead0000L, 0)).isEqualTo("AT_FDCWD, \"f\", 0xdead0000, 0");
            long micro = memory.map(le(32).putLong(1).putLong(0).putLong(4102444800L).putLong(999999).array());
            assertThat(call(utc, "futimesat", 0, -100, file, micro)).isEqualTo("AT_FDCWD, \"f\", [{tv_sec=1, tv_usec=0} /* "
                    + "1970-01-01T00:00:01+0000 */, {tv_sec=4102444800, tv_usec=999999} /* 2100-01-01T00:00:00.999999+0000 */]");
            long utimbuf = memory.map(le(16).putLong(86400).putLong(951782400).array());
            assertThat(call(utc, "utime", 0, file, utimbuf)).isEqualTo(
                    "\"f\", {actime=86400 /* 1970-01-02T00:00:00+0000 */, modtime=951782400 /* 2000-02-29T00:00:00+0000 */}");
            assertThat(call(utc, "renameat2", -22, -100, file, -100, file, 3))
                    .isEqualTo("AT_FDCWD, \"f\", AT_FDCWD, \"f\", RENAME_NOREPLACE|RENAME_EXCHANGE");
            assertThat(call(utc, "renameat2", -22, -100, file, -100, file, 8)).isEqualTo("AT_FDCWD, \"f\", AT_FDCWD, \"f\", 0x8 /* RENAME_?? */");
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
