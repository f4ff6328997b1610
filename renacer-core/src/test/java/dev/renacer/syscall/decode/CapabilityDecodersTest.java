package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** capget and capset: the header and the capability sets, one word or two; expected texts are strace 6.1's for the same calls. */
class CapabilityDecodersTest extends DecoderTestBase {
    private static final long BAD = 0xdead0000L;

    @Test
    void capabilitiesOneWordOrTwo() {
        long v1 = memory.map(le(8).putInt(0x19980330).putInt(0).array());
        long v2 = memory.map(le(8).putInt(0x20071026).putInt(5).array());
        long data = memory.map(le(24).putInt(1 | 1 << 31).putInt(0).putInt(2).putInt(-1).putInt(5).putInt(0).array());
        assertThat(line("capset", -1, v1, data)).isEqualTo("{version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_CHOWN"
                + "|1<<CAP_SETFCAP, permitted=0, inheritable=1<<CAP_DAC_OVERRIDE} = -1 EPERM (Operation not permitted)");
        assertThat(line("capset", -1, v2, data)).isEqualTo("{version=_LINUX_CAPABILITY_VERSION_2, pid=5}, {effective=1<<CAP_CHOWN"
                + "|1<<CAP_SETFCAP|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND"
                + "|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE|0xfffffe00, "
                + "permitted=1<<CAP_MAC_OVERRIDE|1<<CAP_SYSLOG, inheritable=1<<CAP_DAC_OVERRIDE} = -1 EPERM (Operation not permitted)");
        long onlyUnknown = memory.map(le(24).putInt(0).putInt(0).putInt(0).putInt(1 << 30).putInt(0).putInt(0).array());
        assertThat(line("capset", -1, v2, onlyUnknown)).contains("{effective=0x40000000 /* CAP_??? */, permitted=0, inheritable=0}");
        long odd = memory.map(le(8).putInt(0).putInt(0).array());
        assertThat(line("capget", 0, odd, 0)).isEqualTo("{version=0 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, NULL = 0");
        assertThat(line("capget", -14, BAD, BAD)).isEqualTo("0xdead0000, 0xdead0000 = -1 EFAULT (Bad address)");
        assertThat(line("capget", -22, v2, data)).endsWith(", 0x" + Long.toHexString(data) + " = -1 EINVAL (Invalid argument)");
    }
}
