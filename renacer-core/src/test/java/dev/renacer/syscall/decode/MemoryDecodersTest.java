package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Buffers the calls fill or read: getrandom, getdents64, uname, iovec arrays; expected texts are strace 6.1's for the same calls. */
class MemoryDecodersTest extends DecoderTestBase {
    @Test
    void getrandomPrintsEveryByteInHex() {
        long buffer = memory.map(new byte[] {(byte) 0xa0, 0x43, (byte) 0xa5, 0x5b, 0x16, (byte) 0xef, 0x09, 0x1b});
        assertThat(call("getrandom", 8, buffer, 8, 1)).isEqualTo("\"\\xa0\\x43\\xa5\\x5b\\x16\\xef\\x09\\x1b\", 8, GRND_NONBLOCK");
        assertThat(call("getrandom", 4, buffer, 4, 3)).isEqualTo("\"\\xa0\\x43\\xa5\\x5b\", 4, GRND_NONBLOCK|GRND_RANDOM");
    }

    @Test
    void getdentsCountsEntries() {
        ByteBuffer dirents = le(24 * 3);
        for (int i = 0; i < 3; i++) dirents.putShort(24 * i + 16, (short) 24);
        long buffer = memory.map(dirents.array());
        assertThat(call("getdents64", 72, 3, buffer, 32768))
                .isEqualTo("3, 0x" + Long.toHexString(buffer) + " /* 3 entries */, 32768");
        assertThat(call("getdents64", 0, 3, buffer, 32768))
                .isEqualTo("3, 0x" + Long.toHexString(buffer) + " /* 0 entries */, 32768");
    }

    @Test
    void unameShowsTheFirstTwoFields() {
        byte[] uts = new byte[390];
        System.arraycopy("Linux".getBytes(StandardCharsets.US_ASCII), 0, uts, 0, 5);
        System.arraycopy("vm".getBytes(StandardCharsets.US_ASCII), 0, uts, 65, 2);
        assertThat(call("uname", 0, memory.map(uts))).isEqualTo("{sysname=\"Linux\", nodename=\"vm\", ...}");
    }

    @Test
    void iovecArraysAsWritevAndReadvShowThem() {
        long hello = memory.map("hello".getBytes(StandardCharsets.US_ASCII));
        long newline = memory.map("\n".getBytes(StandardCharsets.US_ASCII));
        long iov = memory.map(le(32).putLong(hello).putLong(5).putLong(newline).putLong(1).array());
        assertThat(call("writev", 6, 1, iov, 2))
                .isEqualTo("1, [{iov_base=\"hello\", iov_len=5}, {iov_base=\"\\n\", iov_len=1}], 2");
        // readv(3, [{iov_base="vm", iov_len=2}, {iov_base="\n", iov_len=40}, {iov_base="", iov_len=10}], 3) = 3
        long data = memory.map(new byte[64]);
        long filled = memory.map("vm".getBytes(StandardCharsets.US_ASCII));
        long rest = memory.map("\nxxxxxxxx".getBytes(StandardCharsets.US_ASCII));
        long readIov = memory.map(le(48).putLong(filled).putLong(2).putLong(rest).putLong(40).putLong(data).putLong(10).array());
        assertThat(call("readv", 3, 3, readIov, 3)).isEqualTo(
                "3, [{iov_base=\"vm\", iov_len=2}, {iov_base=\"\\n\", iov_len=40}, {iov_base=\"\", iov_len=10}], 3");
        assertThat(call("readv", -9, 99, readIov, 2)).isEqualTo("99, [{iov_base=0x" + Long.toHexString(filled)
                + ", iov_len=2}, {iov_base=0x" + Long.toHexString(rest) + ", iov_len=40}], 2");
        assertThat(call("writev", 0, 1, 0, 0)).isEqualTo("1, NULL, 0");
    }

    @Test
    void preadv2HidesTheHighOffsetAndNamesFlags() {
        long data = memory.map("hello".getBytes());
        long iov = memory.map(le(16).putLong(data).putLong(5).array());
        assertThat(line("pwritev2", 5, 3, iov, 1, 0x100000005L, 1, 0x1f)).isEqualTo("3, [{iov_base=\"hello\", iov_len=5}], 1, "
                + "4294967301, RWF_HIPRI|RWF_DSYNC|RWF_SYNC|RWF_NOWAIT|RWF_APPEND = 5");
        assertThat(line("preadv2", -95, 3, iov, 1, -1, 0, 0x61)).isEqualTo("3, [{iov_base=0x" + Long.toHexString(data)
                + ", iov_len=5}], 1, -1, RWF_HIPRI|0x60 = -1 EOPNOTSUPP (Operation not supported)");
    }
}
