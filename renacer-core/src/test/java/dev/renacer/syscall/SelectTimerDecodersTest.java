package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoders added for select, pselect6, ppoll, timers, signalfd, sched, ioprio, kcmp, preadv2,
 * capabilities and mount, on edge cases a real program rarely makes (those it makes are compared with
 * strace in DecodersAgainstStraceIT); expected texts are strace 6.1's.
 */
class SelectTimerDecodersTest {
    private static final long BAD = 0xdead0000L;
    private final FakeMemory memory = new FakeMemory();
    private final SyscallDecoder decoder = new SyscallDecoder(memory, 32);

    private String call(SyscallDecoder d, String name, long returnValue, long... args) {
        return DecoderCalls.line(d, name, returnValue, args);
    }

    private String call(String name, long returnValue, long... args) {
        return call(decoder, name, returnValue, args);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long fdSet(int... fds) {
        ByteBuffer set = le(128);
        for (int fd : fds) set.put(fd / 8, (byte) (set.get(fd / 8) | 1 << (fd % 8)));
        return memory.map(set.array());
    }

    private long timeval(long sec, long usec) {
        return memory.map(le(16).putLong(sec).putLong(usec).array());
    }

    @Test
    void selectShowsSetsAtEntryAndReadyOnesWithTheTimeLeft() {
        long in = fdSet(3, 4), out = fdSet(3, 4), tv = timeval(0, 0);
        // each ready descriptor counts once per set, and the listing stops at the count
        assertThat(call("select", 2, 5, in, out, 0, tv))
                .isEqualTo("5, [3 4], [3 4], NULL, {tv_sec=0, tv_usec=0} = 2 (in [3 4], left {tv_sec=0, tv_usec=0})");
        assertThat(call("select", 3, 5, in, out, 0, tv))
                .isEqualTo("5, [3 4], [3 4], NULL, {tv_sec=0, tv_usec=0} = 3 (in [3 4], out [3], left {tv_sec=0, tv_usec=0})");
        assertThat(call("select", 0, 5, in, 0, 0, tv)).endsWith(" = 0 (Timeout)");
        assertThat(call("select", 1, 5, in, 0, 0, 0)).isEqualTo("5, [3 4], NULL, NULL, NULL = 1 (in [3])");
        assertThat(call("select", -14, 5, BAD, 0, 0, BAD))
                .isEqualTo("5, 0xdead0000, NULL, NULL, 0xdead0000 = -1 EFAULT (Bad address)");
        // nfds 0 (or negative): strace reads nothing and shows the addresses
        assertThat(call("select", 0, 0, in, 0, 0, tv)).startsWith("0, 0x" + Long.toHexString(in) + ", NULL, NULL, {");
        assertThat(call("select", -22, -1, in, 0, 0, 0)).startsWith("-1, 0x" + Long.toHexString(in) + ", NULL, NULL, NULL");
        // bits at and past nfds are not shown
        assertThat(call("select", 0, 4, in, 0, 0, 0)).startsWith("4, [3], ");
    }

    @Test
    void selectResultKeepsStracesBracketForASetThatAddedNothing() {
        // in [3] ready, out (non-NULL) empty, except [5] ready: strace writes "in [3]], except [5]"
        long in = fdSet(3), out = fdSet(), except = fdSet(5);
        assertThat(call("select", 2, 6, in, out, except, 0)).endsWith(" = 2 (in [3]], except [5])");
    }

    @Test
    void selectReadsLargeSetsAcrossTheReadersChunks() {
        int nfds = 40_000;
        ByteBuffer big = le(nfds / 8);
        big.put(0, (byte) 1).put(33_000 / 8, (byte) (1 << (33_000 % 8)));
        long set = memory.map(big.array());
        assertThat(call("select", 2, nfds, set, 0, 0, 0)).isEqualTo("40000, [0 33000], NULL, NULL, NULL = 2 (in [0 33000])");
        // a set that ends in unmapped memory is not read at all
        assertThat(call("select", 1, nfds + 64, set, 0, 0, 0)).startsWith("40064, 0x" + Long.toHexString(set) + ", NULL");
    }

    @Test
    void pselect6ShowsItsSignalMaskPair() {
        long in = fdSet(3);
        long ts = memory.map(le(16).array());
        long usr1 = memory.map(le(8).putLong(1L << 9).array());
        long pair = memory.map(le(16).putLong(usr1).putLong(8).array());
        assertThat(call("pselect6", 1, 4, in, 0, 0, ts, pair)).isEqualTo(
                "4, [3], NULL, NULL, {tv_sec=0, tv_nsec=0}, {sigmask=[USR1], sigsetsize=8} = 1 (in [3], left {tv_sec=0, tv_nsec=0})");
        long nullMask = memory.map(le(16).putLong(0).putLong(8).array());
        assertThat(call("pselect6", 1, 4, in, 0, 0, 0, nullMask)).endsWith("NULL, {sigmask=NULL, sigsetsize=8} = 1 (in [3])");
        long wrongSize = memory.map(le(16).putLong(usr1).putLong(16).array());
        assertThat(call("pselect6", -22, 4, in, 0, 0, 0, wrongSize))
                .contains("{sigmask=0x" + Long.toHexString(usr1) + ", sigsetsize=16}");
        assertThat(call("pselect6", -14, 4, in, 0, 0, BAD, BAD)).endsWith("NULL, 0xdead0000, 0xdead0000 = -1 EFAULT (Bad address)");
        assertThat(call("pselect6", 1, 4, in, 0, 0, 0, 0)).endsWith("NULL, NULL = 1 (in [3])");
    }

    @Test
    void ppollAddsTheTimeLeftToPollsResult() {
        long fds = memory.map(le(16).putInt(3).putShort((short) 1).putShort((short) 1)
                .putInt(4).putShort((short) 4).putShort((short) 0).array());
        long ts = memory.map(le(16).putLong(1).putLong(5).array());
        long usr1 = memory.map(le(8).putLong(1L << 9).array());
        assertThat(call("ppoll", 1, fds, 2, ts, usr1, 8)).isEqualTo(
                "[{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, {tv_sec=1, tv_nsec=5}, [USR1], 8"
                        + " = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=1, tv_nsec=5})");
        assertThat(call("ppoll", 1, fds, 2, 0, 0, 8)).endsWith("NULL, NULL, 8 = 1 ([{fd=3, revents=POLLIN}])");
        assertThat(call("ppoll", 0, fds, 2, ts, usr1, 16)).endsWith("{tv_sec=1, tv_nsec=5}, 0x" + Long.toHexString(usr1)
                + ", 16 = 0 (Timeout)");
        // ready but no revents to list (the array changed under the call): the time left alone
        long quiet = memory.map(le(8).putInt(3).putShort((short) 1).putShort((short) 0).array());
        assertThat(call("ppoll", 1, quiet, 1, ts, 0, 8)).endsWith(" = 1 (left {tv_sec=1, tv_nsec=5})");
        assertThat(call("ppoll", -14, fds, 2, BAD, BAD, 8)).endsWith("0xdead0000, 0xdead0000, 8 = -1 EFAULT (Bad address)");
    }

    @Test
    void timersShowItimerspecsAndSigevents() {
        long its = memory.map(le(32).putLong(1).putLong(2).putLong(1000).putLong(3).array());
        long old = memory.map(le(32).array());
        assertThat(call("timerfd_settime", 0, 5, 1, its, old)).isEqualTo("5, TFD_TIMER_ABSTIME, {it_interval={tv_sec=1, "
                + "tv_nsec=2}, it_value={tv_sec=1000, tv_nsec=3}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, "
                + "tv_nsec=0}} = 0");
        assertThat(call("timerfd_settime", -14, 5, 0x10, BAD, old))
                .isEqualTo("5, 0x10 /* TFD_??? */, 0xdead0000, 0x" + Long.toHexString(old) + " = -1 EFAULT (Bad address)");
        assertThat(call("timerfd_gettime", -14, 5, 0)).isEqualTo("5, NULL = -1 EFAULT (Bad address)");
        assertThat(call("timer_settime", 0, 1, 1, its, 0)).startsWith("1, TIMER_ABSTIME, {it_interval=");
        assertThat(call("timer_gettime", 0, 1, its)).isEqualTo(
                "1, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=1000, tv_nsec=3}} = 0");

        long id = memory.map(le(4).putInt(2).array());
        long thread = memory.map(le(64).putLong(0x1234).putInt(10).putInt(2).putLong(0x5678).putLong(0x9abc).array());
        assertThat(call("timer_create", 0, 1, thread, id)).isEqualTo("CLOCK_MONOTONIC, {sigev_value={sival_int=4660, "
                + "sival_ptr=0x1234}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD, sigev_notify_function=0x5678, "
                + "sigev_notify_attributes=0x9abc}, [2] = 0");
        long odd = memory.map(le(64).putLong(0x1234).putInt(10).putInt(77).array());
        assertThat(call("timer_create", -22, 1, odd, id)).isEqualTo("CLOCK_MONOTONIC, {sigev_value={sival_int=4660, "
                + "sival_ptr=0x1234}, sigev_signo=10, sigev_notify=0x4d /* SIGEV_??? */}, 0x" + Long.toHexString(id)
                + " = -1 EINVAL (Invalid argument)");
        assertThat(call("timer_create", -14, 0, 0, BAD)).isEqualTo("CLOCK_REALTIME, NULL, 0xdead0000 = -1 EFAULT (Bad address)");
        // a struct that runs into unmapped memory is not shown in part
        long shortSev = memory.map(le(32).array());
        assertThat(call("timer_create", -14, 0, shortSev, id)).startsWith("CLOCK_REALTIME, 0x" + Long.toHexString(shortSev));
    }

    @Test
    void signalfdSizesAndFlags() {
        long set = memory.map(le(8).putLong(1L << 9 | 1L << 34).array());
        assertThat(call("signalfd4", 5, -1, set, 8, 0x80800)).isEqualTo("-1, [USR1 RT_3], 8, SFD_CLOEXEC|SFD_NONBLOCK = 5");
        assertThat(call("signalfd4", -22, -1, set, 16, 0)).isEqualTo("-1, 0x" + Long.toHexString(set) + ", 16, 0 = -1 EINVAL (Invalid argument)");
        assertThat(call("signalfd", -14, -1, 0, 8)).isEqualTo("-1, NULL, 8 = -1 EFAULT (Bad address)");
    }

    @Test
    void schedulingIoPrioritiesAndKcmp() {
        long param = memory.map(le(4).putInt(5).array());
        assertThat(call("sched_getparam", 0, 0, param)).isEqualTo("0, [5] = 0");
        assertThat(call("sched_getparam", -22, -1, param)).isEqualTo("-1, 0x" + Long.toHexString(param) + " = -1 EINVAL (Invalid argument)");
        assertThat(call("sched_setscheduler", 0, 0, 6, 0)).isEqualTo("0, SCHED_DEADLINE, NULL = 0");
        assertThat(call("sched_setscheduler", 0, 0, 0x40000003, param)).isEqualTo("0, 0x40000003 /* SCHED_??? */, [5] = 0");
        assertThat(call("ioprio_get", 16388, 1, 0)).isEqualTo("IOPRIO_WHO_PROCESS, 0 = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");
        assertThat(call("ioprio_set", -22, 1, 0, -1))
                .isEqualTo("IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 8191) = -1 EINVAL (Invalid argument)");
        long slot = memory.map(le(12).putInt(5).putInt(6).putInt(7).array());
        assertThat(call("kcmp", 0, 10, 11, 7, 3, slot)).isEqualTo("10, 11, KCMP_EPOLL_TFD, 3, {efd=5, tfd=6, toff=7} = 0");
        assertThat(call("kcmp", 0, 10, 11, 4, 3, 4)).isEqualTo("10, 11, KCMP_SIGHAND = 0");
        assertThat(call("kcmp", -22, 10, 11, -1, 0, 9)).isEqualTo("10, 11, 0xffffffff /* KCMP_??? */, 0, 0x9 = -1 EINVAL (Invalid argument)");
        long head = memory.map(le(8).putLong(0x7f0012340a20L).array());
        long length = memory.map(le(8).putLong(24).array());
        assertThat(call("get_robust_list", 0, 0, head, length)).isEqualTo("0, [0x7f0012340a20], [24] = 0");
        assertThat(call("get_robust_list", -3, 99, head, length))
                .isEqualTo("99, 0x" + Long.toHexString(head) + ", 0x" + Long.toHexString(length) + " = -1 ESRCH (No such process)");
    }

    @Test
    void preadv2HidesTheHighOffsetAndNamesFlags() {
        long data = memory.map("hello".getBytes());
        long iov = memory.map(le(16).putLong(data).putLong(5).array());
        assertThat(call("pwritev2", 5, 3, iov, 1, 0x100000005L, 1, 0x1f)).isEqualTo("3, [{iov_base=\"hello\", iov_len=5}], 1, "
                + "4294967301, RWF_HIPRI|RWF_DSYNC|RWF_SYNC|RWF_NOWAIT|RWF_APPEND = 5");
        assertThat(call("preadv2", -95, 3, iov, 1, -1, 0, 0x61)).isEqualTo("3, [{iov_base=0x" + Long.toHexString(data)
                + ", iov_len=5}], 1, -1, RWF_HIPRI|0x60 = -1 EOPNOTSUPP (Operation not supported)");
    }

    @Test
    void capabilitiesOneWordOrTwo() {
        long v1 = memory.map(le(8).putInt(0x19980330).putInt(0).array());
        long v2 = memory.map(le(8).putInt(0x20071026).putInt(5).array());
        long data = memory.map(le(24).putInt(1 | 1 << 31).putInt(0).putInt(2).putInt(-1).putInt(5).putInt(0).array());
        assertThat(call("capset", -1, v1, data)).isEqualTo("{version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_CHOWN"
                + "|1<<CAP_SETFCAP, permitted=0, inheritable=1<<CAP_DAC_OVERRIDE} = -1 EPERM (Operation not permitted)");
        assertThat(call("capset", -1, v2, data)).isEqualTo("{version=_LINUX_CAPABILITY_VERSION_2, pid=5}, {effective=1<<CAP_CHOWN"
                + "|1<<CAP_SETFCAP|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND"
                + "|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE|0xfffffe00, "
                + "permitted=1<<CAP_MAC_OVERRIDE|1<<CAP_SYSLOG, inheritable=1<<CAP_DAC_OVERRIDE} = -1 EPERM (Operation not permitted)");
        long onlyUnknown = memory.map(le(24).putInt(0).putInt(0).putInt(0).putInt(1 << 30).putInt(0).putInt(0).array());
        assertThat(call("capset", -1, v2, onlyUnknown)).contains("{effective=0x40000000 /* CAP_??? */, permitted=0, inheritable=0}");
        long odd = memory.map(le(8).putInt(0).putInt(0).array());
        assertThat(call("capget", 0, odd, 0)).isEqualTo("{version=0 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, NULL = 0");
        assertThat(call("capget", -14, BAD, BAD)).isEqualTo("0xdead0000, 0xdead0000 = -1 EFAULT (Bad address)");
        assertThat(call("capget", -22, v2, data)).endsWith(", 0x" + Long.toHexString(data) + " = -1 EINVAL (Invalid argument)");
    }

    @Test
    void mountStringsFollowTheFlagsAndTheStringLimit() {
        long source = memory.string("none"), target = memory.string("/mnt/a-rather-long-target-path");
        long type = memory.string("tmpfs"), options = memory.string("size=1m,mode=0755");
        assertThat(call("mount", -2, source, target, type, 7, options)).isEqualTo("\"none\", \"/mnt/a-rather-long-target-path\", "
                + "\"tmpfs\", MS_RDONLY|MS_NOSUID|MS_NODEV, \"size=1m,mode=0755\" = -1 ENOENT (No such file or directory)");
        SyscallDecoder small = new SyscallDecoder(memory, 4);
        // -s bounds type and data, not the paths
        assertThat(call(small, "mount", -2, source, target, type, 0, options)).isEqualTo("\"none\", "
                + "\"/mnt/a-rather-long-target-path\", \"tmpf\"..., 0, \"size\"... = -1 ENOENT (No such file or directory)");
        String hexType = "0x" + Long.toHexString(type);
        assertThat(call("mount", -2, source, target, type, 32 | 1, options)).contains(hexType + ", MS_RDONLY|MS_REMOUNT, \"size=");
        assertThat(call("mount", -2, source, target, type, 0x40000, options))
                .contains(hexType + ", MS_PRIVATE, 0x" + Long.toHexString(options));
        assertThat(call("mount", -2, source, target, type, 0xc0ed0000L, options)).contains("\"tmpfs\", MS_MGC_VAL, \"size=");
        assertThat(call("mount", -2, source, target, type, 0x1c0ed0008L, options)).contains("\"tmpfs\", MS_MGC_VAL|MS_NOEXEC, \"size=");
        assertThat(call("mount", -2, source, target, type, 0x100000000L, options)).contains(", 0x100000000 /* MS_??? */, ");
        assertThat(call("mount", -14, 0, BAD, 0, 0, 0)).isEqualTo("NULL, 0xdead0000, NULL, 0, NULL = -1 EFAULT (Bad address)");
    }
}
