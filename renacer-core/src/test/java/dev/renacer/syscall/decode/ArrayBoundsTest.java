package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Arrays at small -s, as strace 6.1's print_array bounds them: each element read before the bound is checked. */
class ArrayBoundsTest extends DecoderTestBase {
    @Test
    void smallLimits() {
        SyscallDecoder none = new SyscallDecoder(memory, 0), one = new SyscallDecoder(memory, 1);
        long fds = memory.map(le(8).putInt(3).putInt(4).array());
        assertThat(call(one, "pipe2", 0, fds, 0)).isEqualTo("[3, ...], 0");
        assertThat(call(none, "pipe2", 0, fds, 0)).isEqualTo("[...], 0");
        long pollfd = memory.map(le(8).putInt(0).putShort((short) 1).putShort((short) 1).array());
        assertThat(line(none, "poll", 1, pollfd, 1, 0)).isEqualTo("[...], 1, 0 = 1 ([...])");
        // an unreadable element still shows, past the bound: the first as the array's address, a later one in a comment
        assertThat(call(none, "poll", -14, 0xdead0000L, 1, 0)).isEqualTo("0xdead0000, 1, 0");
        long last = memory.map(le(8).putInt(0).putShort((short) 1).array());
        assertThat(call(one, "poll", -14, last, 2, 0))
                .isEqualTo("[{fd=0, events=POLLIN}, ... /* 0x" + Long.toHexString(last + 8) + " */], 2, 0");
    }
}
