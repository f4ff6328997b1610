package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** statfs and sysinfo, which strace prints in full; expected texts are strace 6.1's for the same calls. */
class SystemStructDecodersTest extends DecoderTestBase {
    @Test
    void statfsAndSysinfoInFull() {
        ByteBuffer st = le(120).putLong(0, 0xef53).putLong(8, 4096).putLong(16, 66053021).putLong(24, 60191719)
                .putLong(32, 20736426).putLong(40, 16777216).putLong(48, 16358982).putInt(56, 0x1234abcd).putInt(60, 0)
                .putLong(64, 255).putLong(72, 4096).putLong(80, 0x1020);
        long path = memory.string("/");
        assertThat(call("statfs", 0, path, memory.map(st.array()))).isEqualTo("\"/\", {f_type=EXT2_SUPER_MAGIC, "
                + "f_bsize=4096, f_blocks=66053021, f_bfree=60191719, f_bavail=20736426, f_files=16777216, "
                + "f_ffree=16358982, f_fsid={val=[0x1234abcd, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}");
        ByteBuffer si = le(112).putLong(0, 2184).putLong(8, 302752).putLong(16, 382080).putLong(24, 282944)
                .putLong(32, 25276514304L).putLong(40, 23994765312L).putLong(48, 8998912).putLong(56, 9244672)
                .putShort(80, (short) 92).putInt(104, 1);
        assertThat(call("sysinfo", 0, memory.map(si.array()))).isEqualTo("{uptime=2184, loads=[302752, 382080, 282944], "
                + "totalram=25276514304, freeram=23994765312, sharedram=8998912, bufferram=9244672, totalswap=0, "
                + "freeswap=0, procs=92, totalhigh=0, freehigh=0, mem_unit=1}");
    }
}
