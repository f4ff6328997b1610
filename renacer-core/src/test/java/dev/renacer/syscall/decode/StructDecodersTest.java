package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** Structs and arrays in tracee memory: CPU sets, statx, ids, times, siginfo, sized signal sets; expected texts are strace 6.1's for the same calls. */
class StructDecodersTest extends DecoderTestBase {
    @Test
    void cpuSetsAsBitLists() {
        // sched_getaffinity(0, 128, [0 1]) = 32   sched_setaffinity(0, 128, [1 70]) = 0   as strace 6.1 printed them
        ByteBuffer mask = le(128);
        mask.put(0, (byte) 3);
        long got = memory.map(mask.array());
        assertThat(call("sched_getaffinity", 32, 0, 128, got)).isEqualTo("0, 128, [0 1]");
        ByteBuffer set = le(128);
        set.put(0, (byte) 2).put(8, (byte) 0x40);
        assertThat(call("sched_setaffinity", 0, 0, 128, memory.map(set.array()))).isEqualTo("0, 128, [1 70]");
        assertThat(call("sched_getaffinity", -22, 0, 1, got)).isEqualTo("0, 1, 0x" + Long.toHexString(got));
    }

    @Test
    void statxAbbreviatedAsStraceDoes() {
        ByteBuffer stx = le(256);
        stx.putInt(0, 0x17ff).putLong(8, 0x2000).putShort(28, (short) 040755).putLong(40, 4096);
        long buffer = memory.map(stx.array());
        long root = memory.string("/");
        assertThat(call("statx", 0, -100, root, 0x100 | 0x800, 0x2 | 0x4 | 0x8 | 0x10 | 0x40 | 0x200, buffer)).isEqualTo(
                "AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, "
                        + "STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_MTIME|STATX_SIZE, "
                        + "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, "
                        + "stx_mode=S_IFDIR|0755, stx_size=4096, ...}");
    }

    @Test
    void idsGroupsTimesAndSiginfoArguments() {
        long tv = memory.map(le(16).putLong(1795725648L).putLong(486602).array());
        assertThat(call("gettimeofday", 0, tv, 0)).isEqualTo("{tv_sec=1795725648, tv_usec=486602}, NULL");
        assertThat(call("getgroups", 0, 0, 0)).isEqualTo("0, NULL");
        long groups = memory.map(le(8).putInt(0).putInt(1000).array());
        assertThat(call("getgroups", 0, 8, groups)).isEqualTo("8, []");
        assertThat(call("getgroups", 2, 0, groups)).as("size 0 only counts").isEqualTo("0, []");
        assertThat(call("getgroups", 2, 8, groups)).isEqualTo("8, [0, 1000]");
        assertThat(call("setgroups", 0, 2, groups)).isEqualTo("2, [0, 1000]");
        long zero = memory.map(new byte[4]);
        assertThat(call("getresuid", 0, zero, zero, zero)).isEqualTo("[0], [0], [0]");
        ByteBuffer si = le(128).putInt(0, 17).putInt(8, 1).putInt(16, 11800).putInt(24, 7);
        long info = memory.map(si.array());
        assertThat(call("waitid", 0, 1, 11800, info, 4, 0)).isEqualTo("P_PID, 11800, {si_signo=SIGCHLD, si_code=CLD_EXITED, "
                + "si_pid=11800, si_uid=0, si_status=7, si_utime=0, si_stime=0}, WEXITED, NULL");
        assertThat(call("rt_sigqueueinfo", 0, 11799, 0, info)).isEqualTo("11799, 0, {si_signo=SIGCHLD, si_code=CLD_EXITED, "
                + "si_pid=11800, si_uid=0, si_status=7, si_utime=0, si_stime=0}");
        long set = memory.map(le(8).putLong(1L << 9).array());
        long timeout = memory.map(le(16).putLong(0).putLong(1000).array());
        assertThat(call("rt_sigtimedwait", -11, set, 0x7ffd5e4e35e0L, timeout, 8))
                .isEqualTo("[USR1], 0x7ffd5e4e35e0, {tv_sec=0, tv_nsec=1000}, 8");
    }

    @Test
    void signalfdSizesAndFlags() {
        long set = memory.map(le(8).putLong(1L << 9 | 1L << 34).array());
        assertThat(line("signalfd4", 5, -1, set, 8, 0x80800)).isEqualTo("-1, [USR1 RT_3], 8, SFD_CLOEXEC|SFD_NONBLOCK = 5");
        assertThat(line("signalfd4", -22, -1, set, 16, 0)).isEqualTo("-1, 0x" + Long.toHexString(set) + ", 16, 0 = -1 EINVAL (Invalid argument)");
        assertThat(line("signalfd", -14, -1, 0, 8)).isEqualTo("-1, NULL, 8 = -1 EFAULT (Bad address)");
    }
}
