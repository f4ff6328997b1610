package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** epoll's events and inotify's masks; expected texts are strace 6.1's for the same calls (decoders_io.c). */
class EpollDecodersTest extends DecoderTestBase {
    private long events(long... eventsAndData) {
        ByteBuffer array = le(6 * eventsAndData.length);
        for (int i = 0; i < eventsAndData.length; i += 2) array.putInt((int) eventsAndData[i]).putLong(eventsAndData[i + 1]);
        return memory.map(array.array());
    }

    @Test
    void epollCtlReadsOneEventButNoneForDel() {
        assertThat(call("epoll_ctl", 0, 6, 1, 4, events(0x80000001L, 5)))
                .isEqualTo("6, EPOLL_CTL_ADD, 4, {events=EPOLLIN|EPOLLET, data={u32=5, u64=5}}");
        assertThat(call("epoll_ctl", 0, 6, 3, 4, events(0x2001 | 0x8000, 0x100000002L)))
                .isEqualTo("6, EPOLL_CTL_MOD, 4, {events=EPOLLIN|EPOLLRDHUP|0x8000, data={u32=2, u64=4294967298}}");
        assertThat(call("epoll_ctl", 0, 6, 2, 5, 0)).isEqualTo("6, EPOLL_CTL_DEL, 5, NULL");
        assertThat(call("epoll_ctl", -14, 6, 1, 5, 0xdead0000L)).isEqualTo("6, EPOLL_CTL_ADD, 5, 0xdead0000");
        assertThat(call("epoll_ctl", -22, 6, 9, 5, events(4, 0x100000005L)))
                .isEqualTo("6, 0x9 /* EPOLL_CTL_??? */, 5, {events=EPOLLOUT, data={u32=5, u64=4294967301}}");
    }

    @Test
    void epollWaitShowsAsManyEventsAsItReturned() {
        long ready = events(1, 0x100000002L, 4, 7);
        assertThat(line("epoll_wait", 1, 6, ready, 4, 0)).isEqualTo("6, [{events=EPOLLIN, data={u32=2, u64=4294967298}}], 4, 0 = 1");
        assertThat(call("epoll_wait", 0, 6, ready, 4, 0)).isEqualTo("6, [], 4, 0");
        assertThat(call("epoll_wait", -9, -1, ready, 4, 0)).isEqualTo("-1, 0x" + Long.toHexString(ready) + ", 4, 0");
        long usr1 = memory.map(le(8).putLong(1L << 9).array());
        assertThat(call("epoll_pwait", 2, 6, ready, 4, 0, usr1, 8)).isEqualTo(
                "6, [{events=EPOLLIN, data={u32=2, u64=4294967298}}, {events=EPOLLOUT, data={u32=7, u64=7}}], 4, 0, [USR1], 8");
        // a failed call wrote nothing, and strace shows the mask's address too
        assertThat(call("epoll_pwait", -9, -1, ready, 4, 0, usr1, 8))
                .isEqualTo("-1, 0x" + Long.toHexString(ready) + ", 4, 0, 0x" + Long.toHexString(usr1) + ", 8");
        assertThat(call("epoll_pwait", 0, 6, ready, 4, 0, 0, 8)).isEqualTo("6, [], 4, 0, NULL, 8");
    }

    @Test
    void inotifyMasks() {
        long root = memory.string("/");
        assertThat(call("inotify_add_watch", 1, 7, root, 0x05000302L))
                .isEqualTo("7, \"/\", IN_MODIFY|IN_CREATE|IN_DELETE|IN_ONLYDIR|IN_EXCL_UNLINK");
        assertThat(call("inotify_add_watch", -22, 7, root, 0)).isEqualTo("7, \"/\", 0");
        assertThat(call("inotify_add_watch", -22, 7, root, 0xa0010000L)).isEqualTo("7, \"/\", IN_MASK_ADD|IN_ONESHOT|0x10000");
        assertThat(call("inotify_add_watch", -22, 7, root, 0x10000)).isEqualTo("7, \"/\", 0x10000 /* IN_??? */");
    }
}
