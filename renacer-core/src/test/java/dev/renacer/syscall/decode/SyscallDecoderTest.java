package dev.renacer.syscall.decode;

import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder as a whole on common calls; expected texts are copied from strace 6.1's output for the same calls. */
class SyscallDecoderTest extends DecoderTestBase {
    private static final long UNMAPPED = 0x7ffc_dead_0000L;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void openatWithAtFdcwdPathAndFlags() {
        long path = memory.string("/etc/ld.so.cache");
        assertThat(call("openat", 3, -100, path, 02000000, 0)).isEqualTo("AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC");
        assertThat(call("openat", 3, 3, path, 0, 0)).isEqualTo("3, \"/etc/ld.so.cache\", O_RDONLY");
    }

    @Test
    void openModeOnlyWithCreateAndUnknownFlagBitsInHex() {
        long path = memory.string("/tmp/sigs_x");
        assertThat(call("openat", 3, -100, path, 01 | 0100 | 01000, 0640))
                .isEqualTo("AT_FDCWD, \"/tmp/sigs_x\", O_WRONLY|O_CREAT|O_TRUNC, 0640");
        assertThat(call("openat", 3, -100, path, 0x40000000, 0640))
                .isEqualTo("AT_FDCWD, \"/tmp/sigs_x\", O_RDONLY|0x40000000");
        assertThat(call("open", 3, path, 02 | 0100, 0)).isEqualTo("\"/tmp/sigs_x\", O_RDWR|O_CREAT, 000");
    }

    @Test
    void entryStopsBeforeOutputArgumentsAndExitPrintsThemWithTheSeparator() {
        long buffer = memory.map(bytes("\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0P\237\2\0\0\0\0\0@\0"));
        long[] args = {3, buffer, 832, 0, 0, 0};
        StringBuilder out = new StringBuilder();
        int read = SyscallTable.number("read");
        int from = decoder.decodeEntry(1, read, args, 0, out);
        assertThat(from).isEqualTo(1);
        assertThat(out).hasToString("3");
        StringBuilder result = new StringBuilder();
        decoder.decodeExit(1, read, args, from, 832, out, result);
        assertThat(result).hasToString("832");
        assertThat(out).hasToString("3, \"\\177ELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0P\\237\\2\\0\\0\\0\\0\\0\"..., 832");
    }

    @Test
    void readShowsOnlyTheReturnedLengthAndAFailedReadShowsTheAddress() {
        long buffer = memory.map(bytes("abcdefgh"));
        assertThat(call("read", 3, 3, buffer, 4096)).isEqualTo("3, \"abc\", 4096");
        assertThat(call("read", 0, 3, buffer, 4096)).isEqualTo("3, \"\", 4096");
        assertThat(call("read", -11, 3, buffer, 4096)).isEqualTo("3, 0x" + Long.toHexString(buffer) + ", 4096");
    }

    @Test
    void escapesAsStraceDoes() {
        // strace -e trace=write printf '\x01\n\t\x7f\xff"\\a\0b'  ->  write(1, "\1\n\t\177\377\"\\a\0b", 10)
        long a = memory.map(bytes("\u0001\n\t\u007f\u00ff\"\\a\0b"));
        assertThat(call("write", 10, 1, a, 10)).isEqualTo("1, \"\\1\\n\\t\\177\\377\\\"\\\\a\\0b\", 10");
        // printf '\x018\v\f\r\x1b9' -> "\18\v\f\r\339": an octal digit after the escape forces three digits
        long b = memory.map(bytes("\u00018\u000b\f\r\u001b9"));
        assertThat(call("write", 7, 1, b, 7)).isEqualTo("1, \"\\18\\v\\f\\r\\339\", 7");
        long c = memory.map(bytes("\u00017\u00012"));
        assertThat(call("write", 4, 1, c, 4)).isEqualTo("1, \"\\0017\\0012\", 4");
    }

    @Test
    void truncatesAtTheStringLimitButNotPaths() {
        SyscallDecoder limited = new SyscallDecoder(memory, 5);
        long text = memory.map(bytes("abcdefghij"));
        assertThat(call(limited, "write", 10, 1, text, 10)).isEqualTo("1, \"abcde\"..., 10");
        assertThat(call(limited, "write", 5, 1, text, 5)).isEqualTo("1, \"abcde\", 5");
        long path = memory.string("/usr/share/locale/locale.alias");
        assertThat(call(limited, "openat", 3, -100, path, 02000000))
                .isEqualTo("AT_FDCWD, \"/usr/share/locale/locale.alias\", O_RDONLY|O_CLOEXEC");
    }

    @Test
    void nullAndUnreadablePointers() {
        assertThat(call("openat", -14, -100, 0, 0)).isEqualTo("AT_FDCWD, NULL, O_RDONLY");
        assertThat(call("openat", -14, -100, UNMAPPED, 0)).isEqualTo("AT_FDCWD, 0x7ffcdead0000, O_RDONLY");
        assertThat(call("write", -14, 1, UNMAPPED, 5)).isEqualTo("1, 0x7ffcdead0000, 5");
    }

    @Test
    void aStringRunningIntoUnmappedMemoryPrintsWhatCouldBeRead() {
        long unterminated = memory.map(bytes("/tmp/abc"));
        assertThat(call("unlink", -2, unterminated)).isEqualTo("\"/tmp/abc\"...");
    }

    @Test
    void execveArgvAndAbbreviatedEnvironment() {
        long path = memory.string("/usr/bin/cat");
        long argv = memory.stringArray("cat", "/etc/hostname");
        long envp = memory.stringArray("A=1", "B=2", "PATH=/bin");
        assertThat(call("execve", 0, path, argv, envp))
                .isEqualTo("\"/usr/bin/cat\", [\"cat\", \"/etc/hostname\"], 0x" + Long.toHexString(envp) + " /* 3 vars */");
        SyscallDecoder limited = new SyscallDecoder(memory, 3);
        long argv2 = memory.stringArray("/bin/echo", "abcdef", "xy");
        assertThat(call(limited, "execve", 0, path, argv2, envp))
                .startsWith("\"/usr/bin/cat\", [\"/bi\"..., \"abc\"..., \"xy\"], ");
        long empty = memory.stringArray();
        assertThat(call("execve", 0, path, empty, empty)).endsWith("[], 0x" + Long.toHexString(empty) + " /* 0 vars */");
    }

    @Test
    void memoryCallsPrintProtAndFlagsAndHexResults() {
        assertThat(call("mmap", 0x7f09a6402000L, 0, 12288, 3, 0x22, -1, 0))
                .isEqualTo("NULL, 12288, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0");
        assertThat(call("mmap", 0, 0x7f09a6581000L, 339968, 1, 0x812, 3, 0x17c000))
                .isEqualTo("0x7f09a6581000, 339968, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x17c000");
        assertThat(call("mmap", 0, 0, 4096, 0, 0x4022, -1, 0))
                .isEqualTo("NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0");
        assertThat(call("mprotect", 0, 0x7f09a65d4000L, 16384, 5)).isEqualTo("0x7f09a65d4000, 16384, PROT_READ|PROT_EXEC");
        assertThat(result("mmap", 0x55d0c8a2b000L)).isEqualTo("0x55d0c8a2b000");
        assertThat(result("brk", 0x55d0c8a2b000L)).isEqualTo("0x55d0c8a2b000");
        assertThat(result("mmap", -12)).isEqualTo("-1 ENOMEM (Cannot allocate memory)");
    }

    @Test
    void resultsAndErrnos() {
        assertThat(result("openat", 3)).isEqualTo("3");
        assertThat(result("lseek", 123456789012L)).isEqualTo("123456789012");
        assertThat(result("openat", -2)).isEqualTo("-1 ENOENT (No such file or directory)");
        assertThat(result("read", -11)).isEqualTo("-1 EAGAIN (Resource temporarily unavailable)");
        assertThat(result("wait4", -512)).isEqualTo("? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        assertThat(result("nanosleep", -516)).isEqualTo("? ERESTART_RESTARTBLOCK (Interrupted by signal)");
        assertThat(result("read", -4000)).isEqualTo("-1 4000 (Unknown error 4000)");
    }

    @Test
    void resultsThatDependOnTheCall() {
        // fcntl(3, F_GETFL) = 0x8800 (flags O_RDONLY|O_NONBLOCK|O_LARGEFILE), as strace 6.1 prints it
        assertThat(result("fcntl", 0x8800, 3, 3)).isEqualTo("0x8800 (flags O_RDONLY|O_NONBLOCK|O_LARGEFILE)");
        assertThat(result("fcntl", 0x8002, 3, 3)).isEqualTo("0x8002 (flags O_RDWR|O_LARGEFILE)");
        assertThat(result("fcntl", 1, 3, 1)).isEqualTo("0x1 (flags FD_CLOEXEC)");
        assertThat(result("fcntl", 0, 3, 1)).isEqualTo("0");
        assertThat(result("fcntl", 4, 3, 0, 4)).as("F_DUPFD").isEqualTo("4");
        assertThat(result("umask", 022)).isEqualTo("022");
        assertThat(result("umask", 0)).isEqualTo("000");
    }

    @Test
    void smallFlagSetsAndValues() {
        long tmp = memory.string("/tmp");
        assertThat(call("access", 0, tmp, 6)).isEqualTo("\"/tmp\", R_OK|W_OK");
        assertThat(call("access", 0, tmp, 0)).isEqualTo("\"/tmp\", F_OK");
        assertThat(call("lseek", 0, 0, 0, 2)).isEqualTo("0, 0, SEEK_END");
        assertThat(call("lseek", 0, 0, -5, 9)).isEqualTo("0, -5, 0x9 /* SEEK_??? */");
        assertThat(call("arch_prctl", 0, 0x1002, 0x7f09a6402740L)).isEqualTo("ARCH_SET_FS, 0x7f09a6402740");
        assertThat(call("arch_prctl", -22, 0x3001, 0x7ffc0000L)).isEqualTo("0x3001 /* ARCH_??? */, 0x7ffc0000");
        assertThat(call("fcntl", 0x800, 10, 3)).isEqualTo("10, F_GETFL");
        assertThat(call("fcntl", 0, 10, 2, 1)).isEqualTo("10, F_SETFD, FD_CLOEXEC");
        assertThat(call("fcntl", 20, 10, 1030, 20)).isEqualTo("10, F_DUPFD_CLOEXEC, 20");
        assertThat(call("fcntl", 0, 10, 4, 04000 | 02)).isEqualTo("10, F_SETFL, O_RDWR|O_NONBLOCK");
        assertThat(call("fcntl", 0, 10, 10, 10)).isEqualTo("10, F_SETSIG, SIGUSR1");
        assertThat(call("fcntl", 42, 10, 9, 7)).as("F_GETOWN takes no argument").isEqualTo("10, F_GETOWN");
        assertThat(call("fcntl", -22, 10, 99, 5)).isEqualTo("10, 0x63 /* F_??? */, 0x5");
        assertThat(call("fcntl", 0, 10, 6, 0x7ffc0000L)).as("struct flock, not decoded yet").isEqualTo("10, F_SETLK, 0x7ffc0000");
        assertThat(call("fcntl", 0, 10, 1036, 0x7ffc0000L)).isEqualTo("10, F_SET_RW_HINT, 0x7ffc0000");
        assertThat(call("kill", 0, 6446, 10)).isEqualTo("6446, SIGUSR1");
        assertThat(call("mkdir", 0, tmp, 0755)).isEqualTo("\"/tmp\", 0755");
        assertThat(call("chmod", 0, tmp, 07)).isEqualTo("\"/tmp\", 007");
        assertThat(call("newfstatat", -2, -100, tmp, UNMAPPED, 0x100))
                .isEqualTo("AT_FDCWD, \"/tmp\", 0x7ffcdead0000, AT_SYMLINK_NOFOLLOW");
        assertThat(call("close", 0, 3)).isEqualTo("3");
        assertThat(call("madvise", 0, 0x7f0000000000L, 4096, 4)).isEqualTo("0x7f0000000000, 4096, MADV_DONTNEED");
        assertThat(call("fadvise64", 0, 3, 0, 0, 2)).isEqualTo("3, 0, 0, POSIX_FADV_SEQUENTIAL");
        assertThat(call("flock", 0, 3, 2 | 4)).isEqualTo("3, LOCK_EX|LOCK_NB");
        assertThat(call("epoll_create1", 5, 02000000)).isEqualTo("EPOLL_CLOEXEC");
        assertThat(call("getpid", 42)).isEmpty();
        assertThat(call("write", 1, 1, memory.map(bytes("x")), 1)).isEqualTo("1, \"x\", 1");
    }

    @Test
    void fstatAndNewfstatatShowTheAbbreviatedStruct() {
        long regular = memory.map(stat(0100640, 1, 0));
        long empty = memory.string("");
        assertThat(call("newfstatat", 0, 3, empty, regular, 0x1000))
                .isEqualTo("3, \"\", {st_mode=S_IFREG|0640, st_size=1, ...}, AT_EMPTY_PATH");
        long dir = memory.map(stat(041777, 4096, 0));
        assertThat(call("fstat", 0, 3, dir)).isEqualTo("3, {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}");
        long devNull = memory.map(stat(020666, 0, 0x103));
        assertThat(call("fstat", 0, 0, devNull)).isEqualTo("0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");
        assertThat(call("fstat", -9, 99, dir)).isEqualTo("99, 0x" + Long.toHexString(dir));
    }

    @Test
    void pipeWaitAndSignalMasks() {
        long fds = memory.map(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(7).array());
        assertThat(call("pipe2", 0, fds, 04000 | 02000000)).isEqualTo("[6, 7], O_NONBLOCK|O_CLOEXEC");
        assertThat(call("pipe2", 0, fds, 0)).isEqualTo("[6, 7], 0");
        long exited = memory.map(le32(3 << 8));
        assertThat(call("wait4", 6447, 6447, exited, 0, 0)).isEqualTo("6447, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL");
        long killed = memory.map(le32(6));
        assertThat(call("wait4", 6448, -1, killed, 0, 0)).isEqualTo("-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGABRT}], 0, NULL");
        long set = memory.map(le64((1L << 16) | (1L << 33) | (1L << 34)));
        long old = memory.map(le64((1L << 16) | (1L << 33) | (1L << 34)));
        assertThat(call("rt_sigprocmask", 0, 0, set, 0, 8)).isEqualTo("SIG_BLOCK, [CHLD RT_2 RT_3], NULL, 8");
        long almostAll = memory.map(le64(~((1L << 31) | (1L << 32) | (1L << 33) | (1L << 34))));
        assertThat(call("rt_sigprocmask", 0, 2, almostAll, old, 8))
                .isEqualTo("SIG_SETMASK, ~[RTMIN RT_1 RT_2 RT_3], [CHLD RT_2 RT_3], 8");
    }

    @Test
    void rtSigactionPrintsBothStructs() {
        ByteBuffer act = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        act.putLong(0x5641dcf822e9L).putLong(0x04000000L | 0x10000000L).putLong(0x7f09a6441050L).putLong(1L << 9);
        long newAct = memory.map(act.array());
        long oldAct = memory.map(new byte[32]);
        assertThat(call("rt_sigaction", 0, 10, newAct, oldAct, 8)).isEqualTo(
                "SIGUSR1, {sa_handler=0x5641dcf822e9, sa_mask=[USR1], sa_flags=SA_RESTORER|SA_RESTART, "
                        + "sa_restorer=0x7f09a6441050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8");
    }

    @Test
    void saFlagsKeepTheirUpperBitsAndNameNoFlagStrace61DoesNotKnow() {
        ByteBuffer act = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        act.putLong(0x5594a2bbb249L).putLong(0xffffffff04000000L).putLong(0).putLong(0);
        assertThat(call("rt_sigaction", 0, 10, memory.map(act.array()), 0, 8)).isEqualTo(
                "SIGUSR1, {sa_handler=0x5594a2bbb249, sa_mask=[], sa_flags=SA_RESTORER|0xffffffff00000000, sa_restorer=NULL}, NULL, 8");
        act.putLong(0, 0).putLong(8, 0x400); // SA_UNSUPPORTED, which strace 6.1 has no name for
        assertThat(call("rt_sigaction", 0, 10, memory.map(act.array()), 0, 8))
                .isEqualTo("SIGUSR1, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0x400 /* SA_??? */}, NULL, 8");
    }

    @Test
    void faccessat2HasItsOwnFlagsWhereAtEaccessSharesAtRemovedirsValue() {
        long tmp = memory.string("/tmp");
        assertThat(call("faccessat2", 0, -100, tmp, 4, 0x200)).isEqualTo("AT_FDCWD, \"/tmp\", R_OK, AT_EACCESS");
        assertThat(call("faccessat2", 0, -100, tmp, 4, 0x300)).isEqualTo("AT_FDCWD, \"/tmp\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS");
        assertThat(call("faccessat2", -22, -100, tmp, 4, 0x11000)).isEqualTo("AT_FDCWD, \"/tmp\", R_OK, AT_EMPTY_PATH|0x10000");
        assertThat(call("faccessat2", -22, -100, tmp, 8, 0x10000)).isEqualTo("AT_FDCWD, \"/tmp\", 0x8 /* ?_OK */, 0x10000 /* AT_??? */");
        assertThat(call("unlinkat", 0, -100, tmp, 0x200)).isEqualTo("AT_FDCWD, \"/tmp\", AT_REMOVEDIR");
    }

    @Test
    void mremapShowsItsNewAddressOnlyWhenMovingToIt() {
        assertThat(line("mremap", 0x7f86a6aa6000L, 0x7f86a6aaa000L, 8192, 16384, 1, 0x7f0000000000L))
                .isEqualTo("0x7f86a6aaa000, 8192, 16384, MREMAP_MAYMOVE = 0x7f86a6aa6000");
        assertThat(call("mremap", 0x7f0000000000L, 0x7f86a6aaa000L, 8192, 16384, 3, 0x7f0000000000L))
                .isEqualTo("0x7f86a6aaa000, 8192, 16384, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7f0000000000");
        assertThat(call("mremap", -22, 0x7f86a6aaa000L, 8192, 16384, 2, 0x7f0000000000L))
                .isEqualTo("0x7f86a6aaa000, 8192, 16384, MREMAP_FIXED");
        assertThat(call("mremap", -22, 0x7f86a6aaa000L, 8192, 16384, 8, 0)).isEqualTo("0x7f86a6aaa000, 8192, 16384, 0x8 /* MREMAP_??? */");
    }

    @Test
    void rtSigtimedwaitNamesTheSignalItTook() {
        assertThat(result("rt_sigtimedwait", 12, 0, 0, 0, 8)).isEqualTo("12 (SIGUSR2)");
        assertThat(result("rt_sigtimedwait", 0, 0, 0, 0, 8)).isEqualTo("0");
        assertThat(result("rt_sigtimedwait", -11, 0, 0, 0, 8)).isEqualTo("-1 EAGAIN (Resource temporarily unavailable)");
    }

    @Test
    void restartSyscallNamesTheCallTheTaskMadeBefore() {
        assertThat(call("restart_syscall", 0)).isEqualTo("<... resuming interrupted system call ...>");
        long ts = memory.map(new byte[16]);
        line("clock_nanosleep", -516, 0, 0, ts, ts);
        assertThat(call("restart_syscall", 0)).isEqualTo("<... resuming interrupted clock_nanosleep ...>");
        assertThat(call("restart_syscall", 0)).isEqualTo("<... resuming interrupted restart_syscall ...>");
        // per task: another task's previous call is its own
        StringBuilder other = new StringBuilder();
        decoder.decodeEntry(TID + 1, SyscallTable.number("restart_syscall"), new long[6], 0, other);
        assertThat(other).hasToString("<... resuming interrupted system call ...>");
        // a task that exits forgets it, so a later task with its tid starts afresh
        decoder.decodeEntry(TID, SyscallTable.number("exit"), new long[6], 0, new StringBuilder());
        assertThat(call("restart_syscall", 0)).isEqualTo("<... resuming interrupted system call ...>");
    }

    @Test
    void rtSigreturnShowsTheMaskSavedInTheFrameAtTheStackPointer() {
        // the frame's struct ucontext: uc_sigmask after uc_flags, uc_link, uc_stack (24) and uc_mcontext (256)
        long frame = memory.map(ByteBuffer.allocate(304).order(ByteOrder.LITTLE_ENDIAN).putLong(296, 1L << 9).array());
        int sigreturn = SyscallTable.number("rt_sigreturn");
        StringBuilder out = new StringBuilder();
        decoder.decodeEntry(1, sigreturn, new long[6], frame, out);
        assertThat(out).hasToString("{mask=[USR1]}");
        out.setLength(0);
        decoder.decodeEntry(1, sigreturn, new long[6], UNMAPPED, out);
        assertThat(out).hasToString("{mask=0x" + Long.toHexString(UNMAPPED + 296) + "}");
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
        long[] registers = registers(args);
        int number = SyscallTable.number(name);
        return decoder.exitSeparated(number, registers, decoder.decodeEntry(1, number, registers, 0, new StringBuilder()));
    }

    @Test
    void unknownSyscallsPrintSixHexArguments() {
        long[] args = {1, 0, 0x10, 0, 0, 0};
        StringBuilder out = new StringBuilder();
        assertThat(SyscallTable.known(400)).as("x86_64 has no syscall 400").isFalse();
        assertThat(decoder.decodeEntry(1, 400, args, 0, out)).isEqualTo(6);
        assertThat(out).hasToString("0x1, 0, 0x10, 0, 0, 0");
    }

    private static byte[] stat(int mode, long size, long rdev) {
        ByteBuffer st = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
        st.putInt(24, mode).putLong(40, rdev).putLong(48, size);
        return st.array();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
