package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** sigaltstack, personality, mknod, sched_get_priority_*, TCSBRK and PR_CAP_AMBIENT; texts are strace 6.1's (decoders_files.c). */
class ProcessMiscDecodersTest extends DecoderTestBase {
    @Test
    void sigaltstackAndPersonality() {
        long ss = memory.map(le(24).putLong(0x561535fdc2a0L).putInt(0).putInt(0).putLong(65536).array());
        assertThat(call("sigaltstack", 0, ss, 0)).isEqualTo("{ss_sp=0x561535fdc2a0, ss_flags=0, ss_size=65536}, NULL");
        assertThat(call("sigaltstack", 0, 0, ss)).isEqualTo("NULL, {ss_sp=0x561535fdc2a0, ss_flags=0, ss_size=65536}");
        long odd = memory.map(le(24).putLong(0x561535fdc2a0L).putInt(0x40).putInt(0).putLong(65536).array());
        assertThat(call("sigaltstack", -22, odd, ss)).isEqualTo("{ss_sp=0x561535fdc2a0, ss_flags=0x40 /* SS_??? */, ss_size=65536}, 0x"
                + Long.toHexString(ss));
        assertThat(line("personality", 0, 0xffffffffL)).isEqualTo("0xffffffff = 0 (PER_LINUX)");
        assertThat(line("personality", 0x40000, 0)).isEqualTo("PER_LINUX = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
        assertThat(line("personality", 0, 0x1234)).isEqualTo("0x34 /* PER_??? */|0x1200 = 0 (PER_LINUX)");
    }

    @Test
    void mknodShowsItsDeviceOnlyForDevices() {
        long file = memory.string("f");
        assertThat(call("mknodat", 0, -100, file, 010600, 0)).isEqualTo("AT_FDCWD, \"f\", S_IFIFO|0600");
        assertThat(call("mknodat", 0, -100, file, 020600, 0x103)).isEqualTo("AT_FDCWD, \"f\", S_IFCHR|0600, makedev(0x1, 0x3)");
        assertThat(call("mknod", -17, file, 064644, 0x801)).isEqualTo("\"f\", S_IFBLK|S_ISUID|0644, makedev(0x8, 0x1)");
        assertThat(call("mknod", -22, file, 0170600, 5)).isEqualTo("\"f\", 0170600");
    }

    @Test
    void policiesRequestsAndAmbientCapabilities() {
        assertThat(call("sched_get_priority_max", 99, 1)).isEqualTo("SCHED_FIFO");
        assertThat(call("sched_get_priority_max", -22, 77)).isEqualTo("0x4d /* SCHED_??? */");
        assertThat(call("ioctl", -25, 1, 0x5409, 1)).isEqualTo("1, TCSBRK, 1");
        assertThat(call("ioctl", -25, 1, 0x540e, 0)).isEqualTo("1, TIOCSCTTY, 0");
        assertThat(call("prctl", 0, 47, 1, 0, 0, 0)).isEqualTo("PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0");
        assertThat(call("prctl", 0, 47, 4, 0, 0, 0)).isEqualTo("PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0");
        assertThat(call("prctl", -22, 47, 9, 1, 2, 3)).isEqualTo("PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0x1, 0x2, 0x3");
    }

    @Test
    void extendedAttributesPrioritiesAndKeys() {
        long file = memory.string("f"), name = memory.string("user.a");
        long value = memory.map("hello\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(call("setxattr", 0, file, name, value, 6, 0)).isEqualTo("\"f\", \"user.a\", \"hello\", 6, 0");
        assertThat(call("getxattr", 6, file, name, value, 64)).isEqualTo("\"f\", \"user.a\", \"hello\", 64");
        assertThat(call("getxattr", -61, file, name, value, 64)).isEqualTo("\"f\", \"user.a\", 0x" + Long.toHexString(value) + ", 64");
        long list = memory.map("user.a\0user.b\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(call("listxattr", 14, file, list, 64)).isEqualTo("\"f\", \"user.a\\0user.b\\0\", 64");
        assertThat(call("listxattr", 14, file, list, 0)).isEqualTo("\"f\", 0x" + Long.toHexString(list) + ", 0");
        assertThat(call("getpriority", 20, 0, 0)).isEqualTo("PRIO_PROCESS, 0");
        assertThat(call("getpriority", -22, 7, 0)).isEqualTo("0x7 /* PRIO_??? */, 0");
        assertThat(call("pkey_alloc", -22, 0, 1)).isEqualTo("0, PKEY_DISABLE_ACCESS");
        assertThat(call("pkey_alloc", -22, 0, 0x10)).isEqualTo("0, 0x10 /* PKEY_??? */");
    }
}
