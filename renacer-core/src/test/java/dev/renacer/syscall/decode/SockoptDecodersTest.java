package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** setsockopt's and getsockopt's values; expected texts are strace 6.1's for the same calls (decoders_io.c). */
class SockoptDecodersTest extends DecoderTestBase {
    private long length(int value) {
        return memory.map(le(4).putInt(value).array());
    }

    /** getsockopt as the tracer sees it: {@code lengthBefore} at entry, then the call writes {@code lengthAfter}. */
    private String get(long result, int level, int name, long value, int lengthBefore, int lengthAfter) {
        long length = length(lengthBefore);
        int number = dev.renacer.syscall.SyscallTable.number("getsockopt");
        long[] args = registers(5, level, name, value, length);
        StringBuilder arguments = new StringBuilder(), text = new StringBuilder();
        int from = decoder.decodeEntry(TID, number, args, 0, arguments);
        memory.write(length, le(4).putInt(lengthAfter).array());
        decoder.decodeExit(TID, number, args, from, result, arguments, text);
        return arguments + " = " + text;
    }

    @Test
    void setsockoptValues() {
        long one = memory.map(le(4).putInt(1).array());
        assertThat(call("setsockopt", 0, 5, 1, 2, one, 4)).isEqualTo("5, SOL_SOCKET, SO_REUSEADDR, [1], 4");
        long linger = memory.map(le(8).putInt(1).putInt(5).array());
        assertThat(call("setsockopt", 0, 5, 1, 13, linger, 8)).isEqualTo("5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8");
        assertThat(call("setsockopt", -22, 5, 1, 13, linger, 4)).isEqualTo("5, SOL_SOCKET, SO_LINGER, 0x" + Long.toHexString(linger) + ", 4");
        long timeval = memory.map(le(16).putLong(2).putLong(500).array());
        assertThat(call("setsockopt", 0, 5, 1, 20, timeval, 16))
                .isEqualTo("5, SOL_SOCKET, SO_RCVTIMEO_OLD, \"\\2\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0\", 16");
        assertThat(call("setsockopt", 0, 5, 6, 13, memory.map("cubic".getBytes(StandardCharsets.US_ASCII)), 5))
                .isEqualTo("5, SOL_TCP, TCP_CONGESTION, \"cubic\", 5");
        assertThat(call("setsockopt", -22, 5, 1, 2, one, 2)).isEqualTo("5, SOL_SOCKET, SO_REUSEADDR, 0x" + Long.toHexString(one) + ", 2");
        assertThat(call("setsockopt", -14, 5, 1, 2, 0xdead0000L, 4)).isEqualTo("5, SOL_SOCKET, SO_REUSEADDR, 0xdead0000, 4");
    }

    @Test
    void getsockoptValuesWithTheLengthBeforeAndAfter() {
        long value = memory.map(le(16).putInt(1).putInt(5).array());
        assertThat(get(0, 1, 3, value, 4, 4)).isEqualTo("5, SOL_SOCKET, SO_TYPE, [1], [4] = 0");
        assertThat(get(0, 1, 3, value, 2, 2)).isEqualTo("5, SOL_SOCKET, SO_TYPE, \"\\1\\0\", [2] = 0");
        assertThat(get(0, 1, 8, value, 2, 2)).isEqualTo("5, SOL_SOCKET, SO_RCVBUF, \"\\x01\\x00\", [2] = 0");
        assertThat(get(0, 1, 13, value, 8, 8)).isEqualTo("5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8] = 0");
        assertThat(get(0, 1, 13, value, 6, 6)).isEqualTo("5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=\"\\x05\\x00\"}, [6] = 0");
        long zero = memory.map(new byte[4]);
        assertThat(get(0, 1, 4, zero, 8, 4)).isEqualTo("5, SOL_SOCKET, SO_ERROR, [0], [8 => 4] = 0");
        long refused = memory.map(le(4).putInt(111).array());
        assertThat(get(0, 1, 4, refused, 4, 4)).isEqualTo("5, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4] = 0");
        long creds = memory.map(le(12).putInt(1279).putInt(0).putInt(-1).array());
        assertThat(get(0, 1, 17, creds, 12, 12)).isEqualTo("5, SOL_SOCKET, SO_PEERCRED, {pid=1279, uid=0, gid=4294967295}, [12] = 0");
        assertThat(get(-92, 1, 999, value, 4, 4))
                .isEqualTo("5, SOL_SOCKET, 0x3e7 /* SO_??? */, 0x" + Long.toHexString(value) + ", [4] = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(get(-95, 999, 1, value, 4, 4)).isEqualTo(
                "5, 0x3e7 /* SOL_?? */, 1, 0x" + Long.toHexString(value) + ", [4] = -1 EOPNOTSUPP (Operation not supported)");
    }
}
