package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** sendmsg's and recvmsg's struct msghdr; expected texts are strace 6.1's for the same calls (decoders_io.c). */
class MsghdrDecodersTest extends DecoderTestBase {
    private long iovecs(String... parts) {
        ByteBuffer iov = le(16 * parts.length);
        for (String part : parts) iov.putLong(memory.map(part.getBytes(StandardCharsets.US_ASCII))).putLong(part.length());
        return memory.map(iov.array());
    }

    private long msghdr(long name, int namelen, long iov, long iovlen, long control, long controllen, int flags) {
        return memory.map(le(56).putLong(name).putInt(namelen).putInt(0).putLong(iov).putLong(iovlen).putLong(control)
                .putLong(controllen).putInt(flags).array());
    }

    @Test
    void sendmsgWithDescriptorsAndRecvmsgWithCredentials() {
        long rights = memory.map(le(24).putLong(24).putInt(1).putInt(1).putInt(4).putInt(5).array());
        long msg = msghdr(0, 0, iovecs("hello", " world"), 2, rights, 24, 0);
        assertThat(line("sendmsg", 11, 11, msg, 0)).isEqualTo("11, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
                + "iov_len=5}, {iov_base=\" world\", iov_len=6}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, "
                + "cmsg_type=SCM_RIGHTS, cmsg_data=[4, 5]}], msg_controllen=24, msg_flags=0}, 0 = 11");
    }

    @Test
    void recvmsgShowsWhatItReceivedAndTheNameLengthBeforeAndAfter() {
        ByteBuffer control = le(56).putLong(28).putInt(1).putInt(2).putInt(1279).putInt(0).putInt(0).putInt(0);
        control.putLong(32, 24).putInt(40, 1).putInt(44, 1).putInt(48, 13).putInt(52, 14);
        long iov = iovecs("hello world\0", "\0".repeat(32));
        long name = memory.map(new byte[110]);
        long msg = msghdr(name, 110, iov, 2, memory.map(control.array()), 56, 0x40000000);
        int recvmsg = dev.renacer.syscall.SyscallTable.number("recvmsg");
        long[] args = registers(12, msg, 0x40000000);
        StringBuilder arguments = new StringBuilder(), result = new StringBuilder();
        int from = decoder.decodeEntry(TID, recvmsg, args, 0, arguments);
        memory.write(msg + 8, le(4).putInt(0).array()); // the kernel wrote msg_namelen
        decoder.decodeExit(TID, recvmsg, args, from, 11, arguments, result);
        assertThat(arguments).hasToString("12, {msg_name=0x" + Long.toHexString(name) + ", msg_namelen=110 => 0, msg_iov=[{iov_base="
                + "\"hello world\", iov_len=12}, {iov_base=\"\", iov_len=32}], msg_iovlen=2, msg_control=[{cmsg_len=28, "
                + "cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=1279, uid=0, gid=0}}, {cmsg_len=24, "
                + "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[13, 14]}], msg_controllen=56, msg_flags=MSG_CMSG_CLOEXEC}, "
                + "MSG_CMSG_CLOEXEC");
        assertThat(line("recvmsg", -11, 12, msg, 0x40)).isEqualTo("12, {msg_namelen=0}, MSG_DONTWAIT = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(call("recvmsg", -14, 12, 0xdead0000L, 0x40)).isEqualTo("12, 0xdead0000, MSG_DONTWAIT");
        assertThat(call("sendmsg", -14, 11, 0xdead0000L, 0)).isEqualTo("11, 0xdead0000, 0");
    }

    @Test
    void controlDataCutShortEndsWithTheAddressOfWhatIsLeft() {
        // a second header that claims more than the buffer holds: strace stops, and names where the rest begins
        ByteBuffer control = le(44).putLong(20).putInt(1).putInt(1).putInt(4).putInt(0).putLong(24, 8);
        long at = memory.map(control.array());
        long msg = msghdr(0, 0, 0, 0, at, 44, 0);
        assertThat(call("sendmsg", 0, 3, msg, 0)).isEqualTo("3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, "
                + "msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4]}, {cmsg_len=8, "
                + "cmsg_level=SOL_IP, cmsg_type=0 /* IP_??? */}, ... /* 0x" + Long.toHexString(at + 40) + " */], "
                + "msg_controllen=44, msg_flags=0}, 0");
    }

    @Test
    void sendmmsgShowsTheLengthsOfTheMessagesItSent() {
        long vector = memory.map(le(128).putLong(16, iovecs("one")).putLong(24, 1).putInt(56, 3)
                .putLong(64 + 16, iovecs("two")).putLong(64 + 24, 1).putInt(64 + 56, 3).array());
        String one = "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", iov_len=3}], msg_iovlen=1, msg_controllen=0, "
                + "msg_flags=0}";
        String two = one.replace("one", "two");
        assertThat(line("sendmmsg", 2, 3, vector, 2, 0x4000)).isEqualTo("3, [" + one + ", msg_len=3}, " + two + ", msg_len=3}], 2, MSG_NOSIGNAL = 2");
        assertThat(call("sendmmsg", -9, -1, vector, 2, 0)).isEqualTo("-1, [" + one + "}, " + two + "}], 2, 0");
        assertThat(call("sendmmsg", 1, 3, vector, 2, 0)).isEqualTo("3, [" + one + ", msg_len=3}, " + two + "}], 2, 0");
        assertThat(call("sendmmsg", 0, 3, vector, 0, 0)).isEqualTo("3, [], 0, 0");
        assertThat(call("sendmmsg", -14, 3, 0xdead0000L, 1, 0)).isEqualTo("3, 0xdead0000, 1, 0");
    }
}
