package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** mount: which of type and data are strings, as its flags say; expected texts are strace 6.1's for the same calls. */
class MountDecodersTest extends DecoderTestBase {
    private static final long BAD = 0xdead0000L;

    @Test
    void mountStringsFollowTheFlagsAndTheStringLimit() {
        long source = memory.string("none"), target = memory.string("/mnt/a-rather-long-target-path");
        long type = memory.string("tmpfs"), options = memory.string("size=1m,mode=0755");
        assertThat(line("mount", -2, source, target, type, 7, options)).isEqualTo("\"none\", \"/mnt/a-rather-long-target-path\", "
                + "\"tmpfs\", MS_RDONLY|MS_NOSUID|MS_NODEV, \"size=1m,mode=0755\" = -1 ENOENT (No such file or directory)");
        SyscallDecoder small = new SyscallDecoder(memory, 4);
        // -s bounds type and data, not the paths
        assertThat(line(small, "mount", -2, source, target, type, 0, options)).isEqualTo("\"none\", "
                + "\"/mnt/a-rather-long-target-path\", \"tmpf\"..., 0, \"size\"... = -1 ENOENT (No such file or directory)");
        String hexType = "0x" + Long.toHexString(type);
        assertThat(line("mount", -2, source, target, type, 32 | 1, options)).contains(hexType + ", MS_RDONLY|MS_REMOUNT, \"size=");
        assertThat(line("mount", -2, source, target, type, 0x40000, options))
                .contains(hexType + ", MS_PRIVATE, 0x" + Long.toHexString(options));
        assertThat(line("mount", -2, source, target, type, 0xc0ed0000L, options)).contains("\"tmpfs\", MS_MGC_VAL, \"size=");
        assertThat(line("mount", -2, source, target, type, 0x1c0ed0008L, options)).contains("\"tmpfs\", MS_MGC_VAL|MS_NOEXEC, \"size=");
        assertThat(line("mount", -2, source, target, type, 0x100000000L, options)).contains(", 0x100000000 /* MS_??? */, ");
        assertThat(line("mount", -14, 0, BAD, 0, 0, 0)).isEqualTo("NULL, 0xdead0000, NULL, 0, NULL = -1 EFAULT (Bad address)");
    }
}
