package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** select, pselect6 and ppoll: fd sets, signal-mask pairs and results with the time left; expected texts are strace 6.1's for the same calls. */
class SelectDecodersTest extends DecoderTestBase {
    private static final long BAD = 0xdead0000L;

    @Test
    void selectShowsSetsAtEntryAndReadyOnesWithTheTimeLeft() {
        long in = fdSet(3, 4), out = fdSet(3, 4), tv = timeval(0, 0);
        // each ready descriptor counts once per set, and the listing stops at the count
        assertThat(line("select", 2, 5, in, out, 0, tv))
                .isEqualTo("5, [3 4], [3 4], NULL, {tv_sec=0, tv_usec=0} = 2 (in [3 4], left {tv_sec=0, tv_usec=0})");
        assertThat(line("select", 3, 5, in, out, 0, tv))
                .isEqualTo("5, [3 4], [3 4], NULL, {tv_sec=0, tv_usec=0} = 3 (in [3 4], out [3], left {tv_sec=0, tv_usec=0})");
        assertThat(line("select", 0, 5, in, 0, 0, tv)).endsWith(" = 0 (Timeout)");
        assertThat(line("select", 1, 5, in, 0, 0, 0)).isEqualTo("5, [3 4], NULL, NULL, NULL = 1 (in [3])");
        assertThat(line("select", -14, 5, BAD, 0, 0, BAD))
                .isEqualTo("5, 0xdead0000, NULL, NULL, 0xdead0000 = -1 EFAULT (Bad address)");
        // nfds 0 (or negative): strace reads nothing and shows the addresses
        assertThat(line("select", 0, 0, in, 0, 0, tv)).startsWith("0, 0x" + Long.toHexString(in) + ", NULL, NULL, {");
        assertThat(line("select", -22, -1, in, 0, 0, 0)).startsWith("-1, 0x" + Long.toHexString(in) + ", NULL, NULL, NULL");
        // bits at and past nfds are not shown
        assertThat(line("select", 0, 4, in, 0, 0, 0)).startsWith("4, [3], ");
    }

    @Test
    void selectResultKeepsStracesBracketForASetThatAddedNothing() {
        // in [3] ready, out (non-NULL) empty, except [5] ready: strace writes "in [3]], except [5]"
        long in = fdSet(3), out = fdSet(), except = fdSet(5);
        assertThat(line("select", 2, 6, in, out, except, 0)).endsWith(" = 2 (in [3]], except [5])");
    }

    @Test
    void selectReadsLargeSetsAcrossTheReadersChunks() {
        int nfds = 40_000;
        ByteBuffer big = le(nfds / 8);
        big.put(0, (byte) 1).put(33_000 / 8, (byte) (1 << (33_000 % 8)));
        long set = memory.map(big.array());
        assertThat(line("select", 2, nfds, set, 0, 0, 0)).isEqualTo("40000, [0 33000], NULL, NULL, NULL = 2 (in [0 33000])");
        // a set that ends in unmapped memory is not read at all
        assertThat(line("select", 1, nfds + 64, set, 0, 0, 0)).startsWith("40064, 0x" + Long.toHexString(set) + ", NULL");
    }

    @Test
    void pselect6ShowsItsSignalMaskPair() {
        long in = fdSet(3);
        long ts = memory.map(le(16).array());
        long usr1 = memory.map(le(8).putLong(1L << 9).array());
        long pair = memory.map(le(16).putLong(usr1).putLong(8).array());
        assertThat(line("pselect6", 1, 4, in, 0, 0, ts, pair)).isEqualTo(
                "4, [3], NULL, NULL, {tv_sec=0, tv_nsec=0}, {sigmask=[USR1], sigsetsize=8} = 1 (in [3], left {tv_sec=0, tv_nsec=0})");
        long nullMask = memory.map(le(16).putLong(0).putLong(8).array());
        assertThat(line("pselect6", 1, 4, in, 0, 0, 0, nullMask)).endsWith("NULL, {sigmask=NULL, sigsetsize=8} = 1 (in [3])");
        long wrongSize = memory.map(le(16).putLong(usr1).putLong(16).array());
        assertThat(line("pselect6", -22, 4, in, 0, 0, 0, wrongSize))
                .contains("{sigmask=0x" + Long.toHexString(usr1) + ", sigsetsize=16}");
        assertThat(line("pselect6", -14, 4, in, 0, 0, BAD, BAD)).endsWith("NULL, 0xdead0000, 0xdead0000 = -1 EFAULT (Bad address)");
        assertThat(line("pselect6", 1, 4, in, 0, 0, 0, 0)).endsWith("NULL, NULL = 1 (in [3])");
    }

    @Test
    void ppollAddsTheTimeLeftToPollsResult() {
        long fds = memory.map(le(16).putInt(3).putShort((short) 1).putShort((short) 1)
                .putInt(4).putShort((short) 4).putShort((short) 0).array());
        long ts = memory.map(le(16).putLong(1).putLong(5).array());
        long usr1 = memory.map(le(8).putLong(1L << 9).array());
        assertThat(line("ppoll", 1, fds, 2, ts, usr1, 8)).isEqualTo(
                "[{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, {tv_sec=1, tv_nsec=5}, [USR1], 8"
                        + " = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=1, tv_nsec=5})");
        assertThat(line("ppoll", 1, fds, 2, 0, 0, 8)).endsWith("NULL, NULL, 8 = 1 ([{fd=3, revents=POLLIN}])");
        assertThat(line("ppoll", 0, fds, 2, ts, usr1, 16)).endsWith("{tv_sec=1, tv_nsec=5}, 0x" + Long.toHexString(usr1)
                + ", 16 = 0 (Timeout)");
        // ready but no revents to list (the array changed under the call): the time left alone
        long quiet = memory.map(le(8).putInt(3).putShort((short) 1).putShort((short) 0).array());
        assertThat(line("ppoll", 1, quiet, 1, ts, 0, 8)).endsWith(" = 1 (left {tv_sec=1, tv_nsec=5})");
        assertThat(line("ppoll", -14, fds, 2, BAD, BAD, 8)).endsWith("0xdead0000, 0xdead0000, 8 = -1 EFAULT (Bad address)");
    }

    private long fdSet(int... fds) {
        ByteBuffer set = le(128);
        for (int fd : fds) set.put(fd / 8, (byte) (set.get(fd / 8) | 1 << (fd % 8)));
        return memory.map(set.array());
    }

    private long timeval(long sec, long usec) {
        return memory.map(le(16).putLong(sec).putLong(usec).array());
    }
}
