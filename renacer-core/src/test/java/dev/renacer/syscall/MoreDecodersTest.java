package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Process, time, futex and socket decoders; expected texts are strace 6.1's for the same calls. */
class MoreDecodersTest {
    private final FakeMemory memory = new FakeMemory();
    private final SyscallDecoder decoder = new SyscallDecoder(memory, 32);

    private String call(String name, long returnValue, long... args) {
        return DecoderCalls.arguments(decoder, name, returnValue, args);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

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
            DecoderCalls.arguments(decoder, "read", 0, 3, 0, 0); // unrelated calls in between
            out.append("3");
            decoder.decodeExit(1000 + t, accept, args[t], from[t], 5, out, new StringBuilder());
            if (out.toString().equals("3, NULL, [" + (100 + t) + " => 16]")) right++;
        }
        assertThat(right).isEqualTo(tasks);
    }

    @Test
    void prctlAsStrace61PrintsEachOption() {
        long name = memory.string("worker-thread-long-name");
        long buffer = memory.map("worker-thread-l\0".getBytes(StandardCharsets.US_ASCII));
        long sigkill = memory.map(le(4).putInt(9).array());
        long one = memory.map(le(4).putInt(1).array());
        assertThat(call("prctl", 0, 15, name)).isEqualTo("PR_SET_NAME, \"worker-thread-l\"...");
        assertThat(call("prctl", 0, 16, buffer)).isEqualTo("PR_GET_NAME, \"worker-thread-l\"");
        assertThat(call("prctl", 0, 1, 9)).isEqualTo("PR_SET_PDEATHSIG, SIGKILL");
        assertThat(call("prctl", 0, 2, sigkill)).isEqualTo("PR_GET_PDEATHSIG, [SIGKILL]");
        assertThat(call("prctl", 0, 38, 1, 0, 0, 0)).isEqualTo("PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0");
        assertThat(call("prctl", 1, 23, 0)).isEqualTo("PR_CAPBSET_READ, CAP_CHOWN");
        assertThat(call("prctl", -22, 23, 48)).isEqualTo("PR_CAPBSET_READ, 0x30 /* CAP_??? */");
        assertThat(call("prctl", 0, 4, 1)).isEqualTo("PR_SET_DUMPABLE, SUID_DUMP_USER");
        assertThat(call("prctl", 1, 3)).isEqualTo("PR_GET_DUMPABLE");
        assertThat(call("prctl", 0, 37, one)).isEqualTo("PR_GET_CHILD_SUBREAPER, [1]");
        assertThat(call("prctl", 0, 29, 50000)).isEqualTo("PR_SET_TIMERSLACK, 50000");
        assertThat(call("prctl", 0, 27)).isEqualTo("PR_GET_SECUREBITS");
        assertThat(call("prctl", 1, 39, 0, 0, 0, 0)).isEqualTo("PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0");
        long fprog = memory.map(le(16).putShort((short) 4).putLong(8, 0x7fff4b0c0220L).array());
        assertThat(call("prctl", 0, 22, 2, fprog)).isEqualTo("PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=0x7fff4b0c0220}");
        // strace 6.1 on the same calls (the last two failed with EINVAL)
        long vmaName = memory.string("nm");
        assertThat(call("prctl", 0, 0x53564d41, 0, 0x7f0000000000L, 4096, vmaName))
                .isEqualTo("PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x7f0000000000, 4096, \"nm\"");
        assertThat(call("prctl", -22, 0x53564d41, 1, 2, 3, 4)).isEqualTo("PR_SET_VMA, 0x1 /* PR_SET_VMA_??? */, 0x2, 0x3, 0x4");
        assertThat(call("prctl", -22, 22, 5, 6, 1, 0)).isEqualTo("PR_SET_SECCOMP, 0x5 /* SECCOMP_MODE_??? */, 0x6, 0x1, 0");
        assertThat(DecoderCalls.result(decoder, "prctl", 1, 3)).isEqualTo("1 (SUID_DUMP_USER)");
        // Nothing left for the exit stop: the entry reports every argument handled, so no separator is due.
        int prctl = SyscallTable.number("prctl");
        long[] setName = {15, name, 0, 0, 0, 0};
        assertThat(decoder.decodeEntry(1, prctl, setName, 0, new StringBuilder())).isEqualTo(2);
        long[] getName = {16, buffer, 0, 0, 0, 0};
        assertThat(decoder.decodeEntry(1, prctl, getName, 0, new StringBuilder())).isEqualTo(1);
    }

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
    void unfinishedLinesEndAsStracesDo() {
        // wait4(42,  <unfinished ...>   clone3({...} <unfinished ...>   clone(child_stack=NULL, flags=SIGCHLD <unfinished ...>
        assertThat(separatedAtEntry("wait4", 42, 0x7ffc0000L)).isTrue();
        assertThat(separatedAtEntry("clone3", 0x1000, 88)).isFalse();
        assertThat(separatedAtEntry("clone", 17)).as("fork's clone: nothing at exit").isFalse();
        assertThat(separatedAtEntry("clone", 0x100000 | 17)).as("CLONE_PARENT_SETTID").isTrue();
        assertThat(separatedAtEntry("read", 3, 0, 0)).isTrue();
        assertThat(separatedAtEntry("close", 3)).as("close has nothing left").isFalse();
        assertThat(separatedAtEntry("ioctl", 3, 0x5451)).as("ioctl(3, FIOCLEX)").isFalse();
        assertThat(separatedAtEntry("ioctl", 3, 0x541b)).as("ioctl(3, FIONREAD, ...").isTrue();
    }

    /** What the tracer records at the entry stop: whether the exit's arguments follow after ", ". */
    private boolean separatedAtEntry(String name, long... args) {
        long[] registers = DecoderCalls.registers(args);
        int number = SyscallTable.number(name);
        return decoder.exitSeparated(number, registers, decoder.decodeEntry(1, number, registers, 0, new StringBuilder()));
    }

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

    @Test
    void prlimitAndItsKibibyteShorthand() {
        long old = memory.map(le(16).putLong(8192L * 1024).putLong(-1L).array());
        assertThat(call("prlimit64", 0, 0, 3, 0, old))
                .isEqualTo("0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
        long small = memory.map(le(16).putLong(1024).putLong(1000).array());
        assertThat(call("prlimit64", 0, 0, 7, small, 0)).isEqualTo("0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=1000}, NULL");
    }

    @Test
    void getrandomPrintsEveryByteInHex() {
        long buffer = memory.map(new byte[] {(byte) 0xa0, 0x43, (byte) 0xa5, 0x5b, 0x16, (byte) 0xef, 0x09, 0x1b});
        assertThat(call("getrandom", 8, buffer, 8, 1)).isEqualTo("\"\\xa0\\x43\\xa5\\x5b\\x16\\xef\\x09\\x1b\", 8, GRND_NONBLOCK");
        assertThat(call("getrandom", 4, buffer, 4, 3)).isEqualTo("\"\\xa0\\x43\\xa5\\x5b\", 4, GRND_NONBLOCK|GRND_RANDOM");
    }

    @Test
    void getdentsCountsEntries() {
        ByteBuffer dirents = le(24 * 3);
        for (int i = 0; i < 3; i++) dirents.putShort(24 * i + 16, (short) 24);
        long buffer = memory.map(dirents.array());
        assertThat(call("getdents64", 72, 3, buffer, 32768))
                .isEqualTo("3, 0x" + Long.toHexString(buffer) + " /* 3 entries */, 32768");
        assertThat(call("getdents64", 0, 3, buffer, 32768))
                .isEqualTo("3, 0x" + Long.toHexString(buffer) + " /* 0 entries */, 32768");
    }

    @Test
    void unameShowsTheFirstTwoFields() {
        byte[] uts = new byte[390];
        System.arraycopy("Linux".getBytes(StandardCharsets.US_ASCII), 0, uts, 0, 5);
        System.arraycopy("vm".getBytes(StandardCharsets.US_ASCII), 0, uts, 65, 2);
        assertThat(call("uname", 0, memory.map(uts))).isEqualTo("{sysname=\"Linux\", nodename=\"vm\", ...}");
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
    }

    @Test
    void ioctlAndFadviseNames() {
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
        assertThat(call("fadvise64", 0, 3, 0, 0, 2)).isEqualTo("3, 0, 0, POSIX_FADV_SEQUENTIAL");
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
    void iovecArraysAsWritevAndReadvShowThem() {
        long hello = memory.map("hello".getBytes(StandardCharsets.US_ASCII));
        long newline = memory.map("\n".getBytes(StandardCharsets.US_ASCII));
        long iov = memory.map(le(32).putLong(hello).putLong(5).putLong(newline).putLong(1).array());
        assertThat(call("writev", 6, 1, iov, 2))
                .isEqualTo("1, [{iov_base=\"hello\", iov_len=5}, {iov_base=\"\\n\", iov_len=1}], 2");
        // readv(3, [{iov_base="vm", iov_len=2}, {iov_base="\n", iov_len=40}, {iov_base="", iov_len=10}], 3) = 3
        long data = memory.map(new byte[64]);
        long filled = memory.map("vm".getBytes(StandardCharsets.US_ASCII));
        long rest = memory.map("\nxxxxxxxx".getBytes(StandardCharsets.US_ASCII));
        long readIov = memory.map(le(48).putLong(filled).putLong(2).putLong(rest).putLong(40).putLong(data).putLong(10).array());
        assertThat(call("readv", 3, 3, readIov, 3)).isEqualTo(
                "3, [{iov_base=\"vm\", iov_len=2}, {iov_base=\"\\n\", iov_len=40}, {iov_base=\"\", iov_len=10}], 3");
        assertThat(call("readv", -9, 99, readIov, 2)).isEqualTo("99, [{iov_base=0x" + Long.toHexString(filled)
                + ", iov_len=2}, {iov_base=0x" + Long.toHexString(rest) + ", iov_len=40}], 2");
        assertThat(call("writev", 0, 1, 0, 0)).isEqualTo("1, NULL, 0");
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
    void pollShowsRequestedEventsAndReadyDescriptors() {
        ByteBuffer fds = le(24);
        fds.putInt(0, 3).putShort(4, (short) 3).putShort(6, (short) 1);
        fds.putInt(8, 4).putShort(12, (short) 4).putShort(14, (short) 4);
        fds.putInt(16, -1);
        long array = memory.map(fds.array());
        // poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, ...])
        assertThat(DecoderCalls.line(decoder, "poll", 2, array, 3, 0)).isEqualTo("[{fd=3, events=POLLIN|POLLPRI}, "
                + "{fd=4, events=POLLOUT}, {fd=-1}], 3, 0 = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])");
        assertThat(DecoderCalls.result(decoder, "poll", 0, array, 3, 0)).isEqualTo("0 (Timeout)");
        assertThat(call("poll", 0, 0, 0, 0)).isEqualTo("NULL, 0, 0");
        // More ready descriptors than -s: strace ends both lists with "..."
        SyscallDecoder two = new SyscallDecoder(memory, 2);
        ByteBuffer many = le(24);
        for (int n = 0; n < 3; n++) many.putInt(8 * n, n).putShort(8 * n + 4, (short) 5).putShort(8 * n + 6, (short) 4);
        assertThat(DecoderCalls.line(two, "poll", 3, memory.map(many.array()), 3, 0)).isEqualTo("[{fd=0, events=POLLIN|POLLOUT}, "
                + "{fd=1, events=POLLIN|POLLOUT}, ...], 3, 0 = 3 ([{fd=0, revents=POLLOUT}, {fd=1, revents=POLLOUT}, ...])");
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
