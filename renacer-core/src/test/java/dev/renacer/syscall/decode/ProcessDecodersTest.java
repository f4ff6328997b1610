package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** clone, clone3, prlimit64, futex and the clocks: process decoders; expected texts are strace 6.1's for the same calls. */
class ProcessDecodersTest extends DecoderTestBase {
    @Test
    void cloneAsForkDoesIt() {
        long flags = 0x1000000 | 0x200000 | 17; // CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD
        assertThat(call("clone", 6447, flags, 0, 0, 0x7f09a6402a10L, 0)).isEqualTo(
                "child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f09a6402a10");
        assertThat(call("clone", 1, 17, 0, 0, 0, 0)).isEqualTo("child_stack=NULL, flags=SIGCHLD");
        long ptid = memory.map(le(4).putInt(18193).array());
        long thread = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | 0x100000 | 0x200000;
        assertThat(call("clone", 18193, thread, 0x7f6579728000L, ptid, 0x7f6579f28990L, 0x7f6579f286c0L)).isEqualTo(
                "child_stack=0x7f6579728000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM"
                        + "|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=[18193], "
                        + "tls=0x7f6579f286c0, child_tidptr=0x7f6579f28990");
        // strace 6.1 on a raw clone: parent_tid=[27905], tls=0x56298934f840, child_tidptr=0x7ffe5d791698
        long flags2 = 0x80000 | 0x100000 | 0x1000000 | 17;
        assertThat(call("clone", 27905, flags2, 0, ptid, 0x7ffe5d791698L, 0x56298934f840L)).isEqualTo(
                "child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "parent_tid=[18193], tls=0x56298934f840, child_tidptr=0x7ffe5d791698");
    }

    @Test
    void clone3ShowsItsStructAndWhatTheKernelWroteBack() {
        long ptid = memory.map(le(4).putInt(27877).array());
        long flags = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | 0x100000 | 0x200000;
        ByteBuffer args = le(88).putLong(0, flags).putLong(16, 0x7fea27454990L).putLong(24, ptid)
                .putLong(40, 0x7fea26c54000L).putLong(48, 0x7fff80).putLong(56, 0x7fea274546c0L);
        long struct = memory.map(args.array());
        assertThat(call("clone3", 27877, struct, 88)).isEqualTo("{flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND"
                + "|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, "
                + "child_tid=0x7fea27454990, parent_tid=0x" + Long.toHexString(ptid) + ", exit_signal=0, "
                + "stack=0x7fea26c54000, stack_size=0x7fff80, tls=0x7fea274546c0} => {parent_tid=[27877]}, 88");
        ByteBuffer fork = le(88).putLong(0, 0).putLong(32, 17);
        assertThat(call("clone3", 5, memory.map(fork.array()), 88))
                .isEqualTo("{flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88");
        assertThat(call("clone3", -22, 0x1000, 8)).isEqualTo("0x1000, 8");
    }

    @Test
    void prlimitAndItsKibibyteShorthand() {
        long old = memory.map(le(16).putLong(8192L * 1024).putLong(-1L).array());
        assertThat(call("prlimit64", 0, 0, 3, 0, old))
                .isEqualTo("0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
        long small = memory.map(le(16).putLong(1024).putLong(1000).array());
        assertThat(call("prlimit64", 0, 0, 7, small, 0)).isEqualTo("0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=1000}, NULL");
    }

    @Test
    void futexPrintsTheArgumentsItsOperationUses() {
        assertThat(call("futex", 0, 0x7f1e62b5fa4cL, 0x81, 2147483647)).isEqualTo("0x7f1e62b5fa4c, FUTEX_WAKE_PRIVATE, 2147483647");
        assertThat(call("futex", 0, 0x5585bde99d60L, 9 | 128 | 256, 0, 0, 0, 0xffffffffL)).isEqualTo(
                "0x5585bde99d60, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY");
        long timeout = memory.map(le(16).putLong(1118).putLong(163780860).array());
        assertThat(call("futex", -11, 0x7f657ab4e6f0L, 9 | 128, 0, timeout, 0, 0xffffffffL)).isEqualTo(
                "0x7f657ab4e6f0, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=1118, tv_nsec=163780860}, FUTEX_BITSET_MATCH_ANY");
    }

    @Test
    void sleepsAndClocks() {
        long ts = memory.map(le(16).putLong(0).putLong(10000000).array());
        assertThat(call("clock_nanosleep", 0, 0, 0, ts, 0x7fff81f74f00L))
                .isEqualTo("CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=10000000}, 0x7fff81f74f00");
        assertThat(call("clock_nanosleep", 0, 1, 1, ts, 0)).isEqualTo("CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=0, tv_nsec=10000000}, NULL");
        // The remaining time is written only when a signal cut the sleep short (and not for an absolute one)
        long rem = memory.map(le(16).putLong(0).putLong(197926405).array());
        assertThat(line("clock_nanosleep", -516, 0, 0, ts, rem)).isEqualTo(
                "CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=10000000}, {tv_sec=0, tv_nsec=197926405} = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
        assertThat(call("clock_nanosleep", -516, 0, 1, ts, rem)).endsWith("TIMER_ABSTIME, {tv_sec=0, tv_nsec=10000000}, 0x" + Long.toHexString(rem));
        assertThat(call("clock_nanosleep", -22, 0, 0, ts, rem)).endsWith(", 0x" + Long.toHexString(rem));
        assertThat(call("clock_nanosleep", 0, 0, 2, ts, 0)).isEqualTo("CLOCK_REALTIME, 0x2 /* TIMER_??? */, {tv_sec=0, tv_nsec=10000000}, NULL");
        assertThat(call("nanosleep", -516, ts, rem)).isEqualTo("{tv_sec=0, tv_nsec=10000000}, {tv_sec=0, tv_nsec=197926405}");
        assertThat(call("nanosleep", 0, ts, rem)).isEqualTo("{tv_sec=0, tv_nsec=10000000}, 0x" + Long.toHexString(rem));
    }
}
