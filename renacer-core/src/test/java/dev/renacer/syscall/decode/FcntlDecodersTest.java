package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** fcntl's commands, locks and results; expected texts are strace 6.1's for the same calls (decoders_io.c). */
class FcntlDecodersTest extends DecoderTestBase {
    private long flock(int type, int whence, long start, long length, int pid) {
        ByteBuffer lock = le(32).putShort((short) type).putShort((short) whence).putInt(0).putLong(start).putLong(length).putInt(pid);
        return memory.map(lock.array());
    }

    @Test
    void locksReadAtEntryAndFilledAtExit() {
        assertThat(line("fcntl", 0, 5, 6, flock(1, 0, 0, 100, 0)))
                .isEqualTo("5, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100} = 0");
        assertThat(call("fcntl", 0, 5, 7, flock(0, 1, 1073741824, 1, 0)))
                .isEqualTo("5, F_SETLKW, {l_type=F_RDLCK, l_whence=SEEK_CUR, l_start=1073741824, l_len=1}");
        assertThat(call("fcntl", 0, 5, 5, flock(2, 1, 1073741824, 1, 0)))
                .isEqualTo("5, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_CUR, l_start=1073741824, l_len=1, l_pid=0}");
        assertThat(call("fcntl", 0, 5, 36, flock(1, 0, 0, 100, 1279)))
                .isEqualTo("5, F_OFD_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=1279}");
        assertThat(call("fcntl", -22, 5, 6, flock(7, 9, 0, 100, 0)))
                .isEqualTo("5, F_SETLK, {l_type=0x7 /* F_??? */, l_whence=0x9 /* SEEK_??? */, l_start=0, l_len=100}");
        long unread = flock(1, 0, 0, 100, 0);
        assertThat(call("fcntl", -22, 5, 36, unread)).isEqualTo("5, F_OFD_GETLK, 0x" + Long.toHexString(unread));
        assertThat(call("fcntl", -14, 5, 6, 0xdead0000L)).isEqualTo("5, F_SETLK, 0xdead0000");
        assertThat(call("fcntl", -14, 5, 38, 0)).isEqualTo("5, F_OFD_SETLKW, NULL");
    }

    @Test
    void theOtherCommandsAndTheirResults() {
        assertThat(line("fcntl", 0, 5, 11)).isEqualTo("5, F_GETSIG = 0");
        assertThat(line("fcntl", 0, 5, 10, 10)).isEqualTo("5, F_SETSIG, SIGUSR1 = 0");
        assertThat(line("fcntl", 10, 5, 11)).isEqualTo("5, F_GETSIG = 10 (SIGUSR1)");
        assertThat(line("fcntl", 2, 5, 1025)).isEqualTo("5, F_GETLEASE = 0x2 (F_UNLCK)");
        assertThat(line("fcntl", 0, 5, 1024, 0)).isEqualTo("5, F_SETLEASE, F_RDLCK = 0");
        assertThat(line("fcntl", 0, 5, 1034)).isEqualTo("5, F_GET_SEALS = 0");
        assertThat(line("fcntl", 6, 5, 1034)).isEqualTo("5, F_GET_SEALS = 0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)");
        assertThat(call("fcntl", -22, 5, 1033, 0x100)).isEqualTo("5, F_ADD_SEALS, 0x100 /* F_SEAL_??? */");
        assertThat(call("fcntl", -20, 5, 1026, 0x80000006L)).isEqualTo("5, F_NOTIFY, DN_MODIFY|DN_CREATE|DN_MULTISHOT");
        long owner = memory.map(le(8).putInt(0).putInt(1279).array());
        assertThat(call("fcntl", 0, 5, 15, owner)).isEqualTo("5, F_SETOWN_EX, {type=F_OWNER_TID, pid=1279}");
        assertThat(call("fcntl", 0, 5, 16, owner)).isEqualTo("5, F_GETOWN_EX, {type=F_OWNER_TID, pid=1279}");
        assertThat(line("fcntl", 11, 5, 1030, 10)).isEqualTo("5, F_DUPFD_CLOEXEC, 10 = 11");
        assertThat(line("fcntl", 1, 11, 1)).isEqualTo("11, F_GETFD = 0x1 (flags FD_CLOEXEC)");
        assertThat(line("fcntl", 0, 11, 1)).isEqualTo("11, F_GETFD = 0");
        assertThat(line("fcntl", 0xac02, 11, 3)).isEqualTo("11, F_GETFL = 0xac02 (flags O_RDWR|O_APPEND|O_NONBLOCK|O_LARGEFILE|FASYNC)");
        assertThat(call("fcntl", -22, 11, 0x4242, 0x77)).isEqualTo("11, 0x4242 /* F_??? */, 0x77");
    }
}
