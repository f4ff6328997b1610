package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** getrusage, the interval timers, times and the NUMA policy calls; expected texts are strace 6.1's (decoders_io.c). */
class ResourceDecodersTest extends DecoderTestBase {
    @Test
    void rusageItimervalAndTms() {
        long usage = memory.map(le(144).putLong(0).putLong(12).putLong(1).putLong(9127).array());
        assertThat(call("getrusage", 0, 0, usage)).isEqualTo("RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=12}, ru_stime={tv_sec=1, tv_usec=9127}, ...}");
        assertThat(call("getrusage", 0, -1, usage)).startsWith("RUSAGE_CHILDREN, {");
        assertThat(call("getrusage", -22, 5, usage)).isEqualTo("0x5 /* RUSAGE_??? */, 0x" + Long.toHexString(usage));
        long timer = memory.map(le(32).putLong(0).putLong(0).putLong(1000).putLong(0).array());
        assertThat(call("setitimer", 0, 1, timer, 0)).isEqualTo(
                "ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1000, tv_usec=0}}, NULL");
        assertThat(call("getitimer", 0, 0, timer)).isEqualTo("ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1000, tv_usec=0}}");
        assertThat(call("getitimer", -22, 9, timer)).isEqualTo("0x9 /* ITIMER_??? */, 0x" + Long.toHexString(timer));
        long tms = memory.map(le(32).putLong(0).putLong(47).putLong(123456).putLong(0).array());
        assertThat(line("times", 1718646884, tms))
                .isEqualTo("{tms_utime=0, tms_stime=47 /* 0.47 s */, tms_cutime=123456 /* 1234.56 s */, tms_cstime=0} = 1718646884");
        assertThat(call("times", 1718646884, 0)).isEqualTo("NULL");
    }

    @Test
    void memoryPolicies() {
        long mode = memory.map(le(4).putInt(0).array());
        long nodes = memory.map(le(8).putLong(1).array());
        long none = memory.map(new byte[8]);
        assertThat(call("get_mempolicy", 0, mode, 0, 0, 0, 0)).isEqualTo("[MPOL_DEFAULT], NULL, 0, NULL, 0");
        assertThat(call("get_mempolicy", 0, mode, none, 64, 0x7ff8d674c000L, 2))
                .isEqualTo("[MPOL_DEFAULT], [0000000000000000], 64, 0x7ff8d674c000, MPOL_F_ADDR");
        assertThat(call("get_mempolicy", -14, 0xdead0000L, 0xdead0000L, 64, 0, 0)).isEqualTo("0xdead0000, 0xdead0000, 64, NULL, 0");
        assertThat(call("set_mempolicy", 0, 2, nodes, 64)).isEqualTo("MPOL_BIND, [0x00000000000001], 64");
        assertThat(call("set_mempolicy", -22, 0x8002, nodes, 1)).isEqualTo("MPOL_BIND|MPOL_F_STATIC_NODES, 0x" + Long.toHexString(nodes) + ", 1");
        assertThat(call("set_mempolicy", -22, 0x8009, nodes, 64)).isEqualTo("MPOL_F_STATIC_NODES|0x9, [0x00000000000001], 64");
        assertThat(call("mbind", 0, 0x7ff8d674c000L, 4096, 0, 0, 0, 6))
                .isEqualTo("0x7ff8d674c000, 4096, MPOL_DEFAULT, NULL, 0, MPOL_MF_MOVE|MPOL_MF_MOVE_ALL");
        long wide = memory.map(le(8).putLong(0xffffffffffffffffL).array());
        assertThat(call("set_mempolicy", 0, 1, wide, 65)).isEqualTo("MPOL_PREFERRED, [0xffffffffffffffff], 65");
    }
}
