package dev.renacer.syscall.decode;

import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Sockets: domains, types, addresses, in/out lengths and options; expected texts are strace 6.1's for the same calls. */
class NetworkDecodersTest extends DecoderTestBase {
    @Test
    void netlinkSocketsAsStrace61PrintsThem() {
        assertThat(call("socket", 3, 16, 0x80003, 0)).isEqualTo("AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE");
        assertThat(call("socket", -93, 16, 2, 99)).isEqualTo("AF_NETLINK, SOCK_DGRAM, 0x63 /* NETLINK_??? */");
        long one = memory.map(le(4).putInt(1).array());
        assertThat(call("setsockopt", 0, 3, 270, 11, one, 4)).isEqualTo("3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4");
        long plain = memory.map(le(12).putShort((short) 16).array());
        assertThat(call("bind", 0, 3, plain, 12)).isEqualTo("3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12");
        long padded = memory.map(le(12).putShort((short) 16).putShort((short) 3).putInt(0).putInt(1).array());
        assertThat(call("connect", 0, 3, padded, 12)).isEqualTo("3, {sa_family=AF_NETLINK, nl_pad=0x3, nl_pid=0, nl_groups=0x000001}, 12");
    }

    @Test
    void inOutLengthsShowWhatTheCallChanged() {
        // recvfrom(3, "...", 1024, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, [28 => 16])
        long data = memory.map("+;".getBytes(StandardCharsets.US_ASCII));
        long from = memory.map(new byte[28]);
        long length = memory.map(le(4).putInt(28).array());
        long[] args = {3, data, 1024, 0, from, length};
        StringBuilder out = new StringBuilder();
        int recvfrom = SyscallTable.number("recvfrom");
        int at = decoder.decodeEntry(1234, recvfrom, args, 0, out);
        ByteBuffer in = ByteBuffer.allocate(16);
        in.order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2);
        in.order(ByteOrder.BIG_ENDIAN).putShort((short) 53).put(new byte[] {10, (byte) 255, (byte) 255, 53});
        memory.write(from, in.array());
        memory.write(length, le(4).putInt(16).array());
        decoder.decodeExit(1234, recvfrom, args, at, 2, out, new StringBuilder());
        assertThat(out).hasToString("3, \"+;\", 1024, 0, {sa_family=AF_INET, sin_port=htons(53), "
                + "sin_addr=inet_addr(\"10.255.255.53\")}, [28 => 16]");
        // getpeername(0, 0x7ffc..., [16]) = -1 ENOTSOCK: unchanged, and the address not read
        long peer = memory.map(new byte[16]);
        long peerLength = memory.map(le(4).putInt(16).array());
        assertThat(call("getpeername", -88, 0, peer, peerLength)).isEqualTo("0, 0x" + Long.toHexString(peer) + ", [16]");
        assertThat(call("accept", 4, 3, 0, 0)).isEqualTo("3, NULL, NULL");
    }

    @Test
    void inOutLengthsOfManyTasksInFlightAtOnceAreEachTheirOwn() {
        // More calls in flight than the fixed table this replaced could hold: it overwrote silently and
        // then printed another task's length, or none.
        int tasks = 3000;
        long[][] args = new long[tasks][];
        int[] from = new int[tasks];
        StringBuilder out = new StringBuilder();
        int accept = SyscallTable.number("accept");
        for (int t = 0; t < tasks; t++) {
            args[t] = new long[] {3, 0, memory.map(le(4).putInt(100 + t).array()), 0, 0, 0};
            from[t] = decoder.decodeEntry(1000 + t, accept, args[t], 0, out);
        }
        int right = 0;
        for (int t = 0; t < tasks; t++) {
            memory.write(args[t][2], le(4).putInt(16).array());
            out.setLength(0);
            call("read", 0, 3, 0, 0); // unrelated calls in between
            out.append("3");
            decoder.decodeExit(1000 + t, accept, args[t], from[t], 5, out, new StringBuilder());
            if (out.toString().equals("3, NULL, [" + (100 + t) + " => 16]")) right++;
        }
        assertThat(right).isEqualTo(tasks);
    }

    @Test
    void socketsAndAddresses() {
        assertThat(call("socket", 3, 1, 1 | 02000000 | 04000, 0)).isEqualTo("AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0");
        assertThat(call("socket", 3, 10, 2 | 02000000, 0)).isEqualTo("AF_INET6, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP");
        ByteBuffer un = le(110).putShort((short) 1);
        un.position(2);
        un.put("/var/run/nscd/socket".getBytes(StandardCharsets.US_ASCII));
        assertThat(call("connect", -2, 3, memory.map(un.array()), 110))
                .isEqualTo("3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110");
        ByteBuffer in = ByteBuffer.allocate(16);
        in.order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2);
        in.order(ByteOrder.BIG_ENDIAN).putShort((short) 53).put(new byte[] {10, (byte) 255, (byte) 255, 53});
        assertThat(call("connect", 0, 3, memory.map(in.array()), 16))
                .isEqualTo("3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.255.255.53\")}, 16");
        byte[] in6 = new byte[28];
        in6[0] = 10;
        in6[23] = 1;
        assertThat(call("bind", 0, 3, memory.map(in6), 28)).isEqualTo("3, {sa_family=AF_INET6, sin6_port=htons(0), "
                + "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28");
    }

    @Test
    void socketOptionsNamedByLevel() {
        long one = memory.map(le(4).putInt(1).array());
        long four = memory.map(le(4).putInt(4).array());
        long rcvbuf = memory.map(le(4).putInt(131072).array());
        assertThat(call("setsockopt", 0, 3, 1, 2, one, 4)).isEqualTo("3, SOL_SOCKET, SO_REUSEADDR, [1], 4");
        assertThat(call("setsockopt", 0, 3, 6, 1, one, 4)).isEqualTo("3, SOL_TCP, TCP_NODELAY, [1], 4");
        assertThat(call("setsockopt", 0, 3, 0, 11, one, 4)).isEqualTo("3, SOL_IP, IP_RECVERR, [1], 4");
        assertThat(call("setsockopt", -92, 3, 41, 26, one, 4)).isEqualTo("3, SOL_IPV6, IPV6_V6ONLY, [1], 4");
        assertThat(call("setsockopt", -92, 3, 1, 999, one, 4)).isEqualTo("3, SOL_SOCKET, 0x3e7 /* SO_??? */, [1], 4");
        assertThat(call("getsockopt", 0, 3, 1, 8, rcvbuf, four)).isEqualTo("3, SOL_SOCKET, SO_RCVBUF, [131072], [4]");
    }

    @Test
    void ipv6TextAsInetNtopWritesIt() {
        assertThat(ipv6("20010db8000000000000000000000001")).isEqualTo("2001:db8::1");
        assertThat(ipv6("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(ipv6("fe800000000000000202b3fffe1e8329")).isEqualTo("fe80::202:b3ff:fe1e:8329");
        assertThat(ipv6("00000000000000000000ffff7f000001")).isEqualTo("::ffff:127.0.0.1");
        assertThat(ipv6("20010db8000100000001000000000001")).isEqualTo("2001:db8:1:0:1::1");
        assertThat(ipv6("20010db8000000010000000000000000")).isEqualTo("2001:db8:0:1::");
    }

    private static String ipv6(String hex) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        StringBuilder out = new StringBuilder();
        NetworkDecoders.appendIpv6(b, 0, out);
        return out.toString();
    }
}
