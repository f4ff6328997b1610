package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyscallTableTest {

    @Test
    void namesTheNumbersAsTheKernelDoes() {
        assertThat(SyscallTable.name(0)).isEqualTo("read");
        assertThat(SyscallTable.name(1)).isEqualTo("write");
        assertThat(SyscallTable.name(2)).isEqualTo("open");
        assertThat(SyscallTable.name(9)).isEqualTo("mmap");
        assertThat(SyscallTable.name(17)).isEqualTo("pread64");
        assertThat(SyscallTable.name(56)).isEqualTo("clone");
        assertThat(SyscallTable.name(59)).isEqualTo("execve");
        assertThat(SyscallTable.name(156)).isEqualTo("_sysctl");
        assertThat(SyscallTable.name(231)).isEqualTo("exit_group");
        assertThat(SyscallTable.name(257)).isEqualTo("openat");
        assertThat(SyscallTable.name(262)).isEqualTo("newfstatat");
        assertThat(SyscallTable.name(322)).isEqualTo("execveat");
        assertThat(SyscallTable.name(334)).isEqualTo("rseq");
        assertThat(SyscallTable.name(424)).isEqualTo("pidfd_send_signal");
        assertThat(SyscallTable.name(435)).isEqualTo("clone3");
        assertThat(SyscallTable.name(450)).isEqualTo("set_mempolicy_home_node");
        assertThat(SyscallTable.name(462)).isEqualTo("mseal");
    }

    @Test
    void unknownNumbersUseStracesSpelling() {
        assertThat(SyscallTable.name(335)).isEqualTo("syscall_0x14f");
        assertThat(SyscallTable.name(0x1c2 + 100)).isEqualTo("syscall_0x226");
        assertThat(SyscallTable.name(5000)).isEqualTo("syscall_0x1388");
        assertThat(SyscallTable.known(400)).isFalse();
        assertThat(SyscallTable.classes(400)).isZero();
    }

    @Test
    void nameOfAKnownOrUnknownSmallNumberIsTheSameInstanceEachTime() {
        // name() is on the per-syscall path: it must hand out a precomputed string, not build one.
        assertThat(SyscallTable.name(400)).isSameAs(SyscallTable.name(400));
        assertThat(SyscallTable.name(1023)).isSameAs(SyscallTable.name(1023));
    }

    @Test
    void everyNumberUpToTheLastHasANameAndNoGapsOutsideTheReservedRange() {
        assertThat(SyscallTable.size()).isGreaterThanOrEqualTo(463);
        for (int n = 0; n < SyscallTable.size(); n++) {
            boolean reserved = n >= 335 && n <= 423;
            assertThat(SyscallTable.known(n)).as("syscall %d", n).isEqualTo(!reserved);
            if (!reserved) {
                assertThat(SyscallTable.number(SyscallTable.name(n))).as("round trip of %d", n).isEqualTo(n);
                assertThat(SyscallTable.argumentCount(n)).isBetween(0, 6);
            }
        }
    }

    @Test
    void looksNamesUp() {
        assertThat(SyscallTable.number("openat")).isEqualTo(257);
        assertThat(SyscallTable.number("clone3")).isEqualTo(435);
        assertThat(SyscallTable.number("opne")).isEqualTo(-1);
        assertThat(SyscallTable.number("execve#64")).isEqualTo(-1);
    }

    @Test
    void classesFollowStraceForWellKnownCalls() {
        assertThat(SyscallTable.inClass(nr("openat"), SyscallClass.FILE)).isTrue();
        assertThat(SyscallTable.inClass(nr("openat"), SyscallClass.DESC)).isTrue();
        assertThat(SyscallTable.inClass(nr("execve"), SyscallClass.FILE)).isTrue();
        assertThat(SyscallTable.inClass(nr("execve"), SyscallClass.PROCESS)).isTrue();
        assertThat(SyscallTable.inClass(nr("newfstatat"), SyscallClass.STAT_LIKE)).isTrue();
        assertThat(SyscallTable.inClass(nr("newfstatat"), SyscallClass.FSTAT)).isTrue();
        assertThat(SyscallTable.inClass(nr("close"), SyscallClass.FILE)).as("close takes no path").isFalse();
        assertThat(SyscallTable.inClass(nr("getpid"), SyscallClass.PURE)).isTrue();
        assertThat(SyscallTable.inClass(nr("getuid"), SyscallClass.CREDS)).isTrue();
        assertThat(SyscallTable.inClass(nr("clock_gettime"), SyscallClass.CLOCK)).isTrue();
        assertThat(SyscallTable.inClass(nr("mmap"), SyscallClass.MEMORY)).isTrue();
        assertThat(SyscallTable.inClass(nr("socket"), SyscallClass.NETWORK)).isTrue();
        assertThat(SyscallTable.inClass(nr("kill"), SyscallClass.SIGNAL)).isTrue();
        assertThat(SyscallTable.inClass(nr("shmget"), SyscallClass.IPC)).isTrue();
        assertThat(SyscallTable.inClass(nr("statfs"), SyscallClass.STATFS_LIKE)).isTrue();
    }

    @Test
    void addressResultsAreHexAndCountsAreNot() {
        assertThat(SyscallTable.hexResult(nr("mmap"))).isTrue();
        assertThat(SyscallTable.hexResult(nr("brk"))).isTrue();
        assertThat(SyscallTable.hexResult(nr("read"))).isFalse();
    }

    private static int nr(String name) {
        return SyscallTable.number(name);
    }
}
