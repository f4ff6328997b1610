package dev.renacer.syscall.decode;

import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder runs on every traced syscall, so it must not allocate: this counts the bytes the test
 * thread allocates while decoding a realistic mix of calls many times (a count, not a timing).
 */
class DecoderAllocationTest {
    private static final int ROUNDS = 20_000;

    private static long nr(String name) {
        return SyscallTable.number(name);
    }

    @Test
    void decodingAllocatesNothingPerCall() {
        FakeMemory memory = new FakeMemory();
        SyscallDecoder decoder = new SyscallDecoder(memory, 32);
        long path = memory.string("/usr/lib/x86_64-linux-gnu/libc.so.6");
        long buffer = memory.map("\177ELF\2\1\1\0 and some more text to read".getBytes());
        long argv = memory.stringArray("ls", "-la", "/tmp");
        long envp = memory.stringArray("A=1", "B=2");
        ByteBuffer st = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
        st.putInt(24, 0100644).putLong(48, 1234);
        long stat = memory.map(st.array());
        long set = memory.map(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 16).array());
        long name = memory.string("worker");
        long length = memory.map(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(16).array());
        long sockaddr = memory.map(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2).array());
        long pollfd = memory.map(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(3).putShort((short) 1)
                .putShort((short) 1).array());
        ByteBuffer cloneArgs = ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 0x100000).putLong(24, length);
        long clone3 = memory.map(cloneArgs.array());
        long fdset = memory.map(ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN).put(0, (byte) 0x18).array());
        long timeval = memory.map(new byte[16]);
        long sigmaskPair = memory.map(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(set).putLong(8).array());
        long itimerspec = memory.map(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2).array());
        long sigevent = memory.map(ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putInt(10).putInt(2).array());
        long capHeader = memory.map(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0x20080522).array());
        long capData = memory.map(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0x21).putInt(-1).array());
        long iovec = memory.map(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(buffer).putLong(5).array());
        ByteBuffer si = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 7).putInt(8, 4).putLong(16, 0x1000);
        long siginfo = memory.map(si.array()); // SIGBUS, BUS_MCEERR_AR
        long flock = memory.map(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putLong(8, 1 << 30).array());
        long events = memory.map(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putLong(5).array());
        long control = memory.map(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(24).putInt(1).putInt(1)
                .putInt(4).putInt(5).array());
        ByteBuffer msg = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN).putLong(0, sockaddr).putInt(8, 16)
                .putLong(16, iovec).putLong(24, 1).putLong(32, control).putLong(40, 24);
        long msghdr = memory.map(msg.array());
        long rusage = memory.map(new byte[144]);
        long tms = memory.map(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(47).array());
        long utimes = memory.map(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(1577836800).putLong(0)
                .putLong(1577836800).putLong(500).array());
        long netlink = memory.map(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 16).array());
        long[][] calls = {
            {nr("fcntl"), 3, 6, flock, 0, 0, 0, 0},
            {nr("fcntl"), 3, 5, flock, 0, 0, 0, 0},
            {nr("fcntl"), 3, 1025, 0, 0, 0, 0, 2},
            {nr("epoll_ctl"), 6, 1, 4, events, 0, 0, 0},
            {nr("epoll_pwait"), 6, events, 4, 0, set, 8, 2},
            {nr("getsockopt"), 3, 1, 4, length, length, 0, 0},
            {nr("sendmsg"), 3, msghdr, 0x4000, 0, 0, 0, 5},
            {nr("recvmsg"), 3, msghdr, 0x40000000, 0, 0, 0, 5},
            {nr("getrusage"), 0, rusage, 0, 0, 0, 0, 0},
            {nr("setitimer"), 1, itimerspec, itimerspec, 0, 0, 0, 0},
            {nr("times"), tms, 0, 0, 0, 0, 0, 1718646884},
            {nr("set_mempolicy"), 2, set, 64, 0, 0, 0, 0},
            {nr("get_mempolicy"), length, set, 64, 0, 2, 0, 0},
            {nr("inotify_add_watch"), 7, path, 0x05000302L, 0, 0, 0, 1},
            {nr("clock_nanosleep"), 0, 0, timeval, timeval, 0, 0, -516},
            {nr("restart_syscall"), 0, 0, 0, 0, 0, 0, 0},
            {nr("utimensat"), -100, path, utimes, 0, 0, 0, 0},
            {nr("connect"), 3, netlink, 12, 0, 0, 0, 0},
            {nr("select"), 5, fdset, fdset, 0, timeval, 0, 3},
            {nr("pselect6"), 5, fdset, 0, 0, timeval, sigmaskPair, 1},
            {nr("ppoll"), pollfd, 1, timeval, set, 8, 0, 1},
            {nr("timerfd_settime"), 3, 1, itimerspec, itimerspec, 0, 0, 0},
            {nr("timer_create"), 1, sigevent, length, 0, 0, 0, 0},
            {nr("signalfd4"), -1, set, 8, 0x80800, 0, 0, 5},
            {nr("sched_setscheduler"), 0, 0x40000003, length, 0, 0, 0, 0},
            {nr("ioprio_get"), 1, 0, 0, 0, 0, 0, 16388},
            {nr("kcmp"), 1, 1, 99, 5, 0, 0, -22},
            {nr("preadv2"), 3, iovec, 1, 0, 0, 0x61, 5},
            {nr("capget"), capHeader, capData, 0, 0, 0, 0, 0},
            {nr("mount"), path, path, name, 0xc0ed0008L, name, 0, -2},
            {nr("get_robust_list"), 0, stat, stat, 0, 0, 0, 0},
            {nr("openat"), -100, path, 02000000, 0, 0, 0, 3},
            {nr("read"), 3, buffer, 832, 0, 0, 0, 832},
            {nr("mmap"), 0, 8192, 3, 0x22, -1, 0, 0x7f0012345000L},
            {nr("execve"), path, argv, envp, 0, 0, 0, 0},
            {nr("fstat"), 3, stat, 0, 0, 0, 0, 0},
            {nr("rt_sigprocmask"), 0, set, set, 8, 0, 0, 0},
            {nr("openat"), -100, path, 0, 0, 0, 0, -2},
            {nr("fcntl"), 3, 2, 1, 0, 0, 0, 0},
            {400, 1, 2, 3, 4, 5, 6, -38}, // a number x86_64 has no syscall for
            {nr("prctl"), 15, name, 0, 0, 0, 0, 0},
            {nr("ioctl"), 3, 0x541b, length, 0, 0, 0, 0},
            {nr("recvfrom"), 3, buffer, 64, 0, sockaddr, length, 8},
            {nr("poll"), pollfd, 1, 0, 0, 0, 0, 1},
            {nr("clone3"), clone3, 88, 0, 0, 0, 0, 1234},
            {nr("newfstatat"), -100, path, stat, 0x100, 0, 0, 0},
            {nr("futex"), length, 0x89, 0, timeval, 0, -1, -110},
            {nr("setsockopt"), 3, 6, 1, length, 4, 0, 0},
            {nr("rt_sigqueueinfo"), 42, 10, siginfo, 0, 0, 0, 0},
        };
        long[] args = new long[6];
        StringBuilder out = new StringBuilder(4096);
        StringBuilder result = new StringBuilder(4096);
        Runnable round = () -> {
            for (long[] c : calls) {
                out.setLength(0);
                result.setLength(0);
                System.arraycopy(c, 1, args, 0, 6);
                int number = (int) c[0];
                int from = decoder.decodeEntry(7, number, args, 0x7ffc0000L, out);
                decoder.exitSeparated(number, args, from);
                decoder.decodeExit(7, number, args, from, c[7], out, result);
            }
        };
        for (int i = 0; i < ROUNDS; i++) round.run(); // class loading, lazy tables and JIT first

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < ROUNDS; i++) round.run();
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated over %d decoded calls", ROUNDS * calls.length)
                .isLessThan(ROUNDS); // less than one byte per round: only the measuring itself
    }
}
