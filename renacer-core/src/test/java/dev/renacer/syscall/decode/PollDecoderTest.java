package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** poll's array of pollfd at entry and the ready descriptors in its result; expected texts are strace 6.1's for the same calls. */
class PollDecoderTest extends DecoderTestBase {
    @Test
    void pollShowsRequestedEventsAndReadyDescriptors() {
        ByteBuffer fds = le(24);
        fds.putInt(0, 3).putShort(4, (short) 3).putShort(6, (short) 1);
        fds.putInt(8, 4).putShort(12, (short) 4).putShort(14, (short) 4);
        fds.putInt(16, -1);
        long array = memory.map(fds.array());
        // poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, ...])
        assertThat(line("poll", 2, array, 3, 0)).isEqualTo("[{fd=3, events=POLLIN|POLLPRI}, "
                + "{fd=4, events=POLLOUT}, {fd=-1}], 3, 0 = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])");
        assertThat(result("poll", 0, array, 3, 0)).isEqualTo("0 (Timeout)");
        assertThat(call("poll", 0, 0, 0, 0)).isEqualTo("NULL, 0, 0");
        // More ready descriptors than -s: strace ends both lists with "..."
        SyscallDecoder two = new SyscallDecoder(memory, 2);
        ByteBuffer many = le(24);
        for (int n = 0; n < 3; n++) many.putInt(8 * n, n).putShort(8 * n + 4, (short) 5).putShort(8 * n + 6, (short) 4);
        assertThat(line(two, "poll", 3, memory.map(many.array()), 3, 0)).isEqualTo("[{fd=0, events=POLLIN|POLLOUT}, "
                + "{fd=1, events=POLLIN|POLLOUT}, ...], 3, 0 = 3 ([{fd=0, revents=POLLOUT}, {fd=1, revents=POLLOUT}, ...])");
    }
}
