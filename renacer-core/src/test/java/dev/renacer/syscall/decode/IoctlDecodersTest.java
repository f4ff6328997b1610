package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ioctl's requests by name, and the argument each one takes; expected texts are strace 6.1's for the same calls. */
class IoctlDecodersTest extends DecoderTestBase {
    @Test
    void ioctlRequestsByNameAndTheArgumentEachTakes() {
        assertThat(call("ioctl", -25, 1, 0x5401, 0x7ffeb8d172c0L)).isEqualTo("1, TCGETS, 0x7ffeb8d172c0");
        // strace 6.1 on the same requests:
        assertThat(call("ioctl", -25, 3, 0x1234, 5)).isEqualTo("3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x5");
        long three = memory.map(le(4).putInt(3).array());
        assertThat(call("ioctl", 0, 3, 0x541b, three)).isEqualTo("3, FIONREAD, [3]");
        assertThat(call("ioctl", 0, 3, 0x5421, three)).isEqualTo("3, FIONBIO, [3]");
        assertThat(call("ioctl", 0, 3, 0x5451, 0)).isEqualTo("3, FIOCLEX");
        long winsize = memory.map(le(8).putShort((short) 24).putShort((short) 80).array());
        assertThat(call("ioctl", 0, 6, 0x5413, winsize)).isEqualTo("6, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}");
        assertThat(call("ioctl", -25, 6, 0x540f, 0x7fffd533ec5cL)).isEqualTo("6, TIOCGPGRP, 0x7fffd533ec5c");
        assertThat(call("ioctl", 0, 3, 0x80045430, three)).isEqualTo("3, TIOCGPTN, [3]");
        assertThat(call("ioctl", -95, 4, 0x40049409, 3)).as("one number, two names").isEqualTo("4, BTRFS_IOC_CLONE or FICLONE, 3");
        assertThat(call("ioctl", 0, 0, 0x5414, winsize)).isEqualTo("0, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}");
        assertThat(call("ioctl", 0, 3, 0x5450, 0)).isEqualTo("3, FIONCLEX");
    }
}
