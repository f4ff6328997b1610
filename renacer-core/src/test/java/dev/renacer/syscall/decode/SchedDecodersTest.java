package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling parameters, I/O priorities, kcmp and get_robust_list; expected texts are strace 6.1's for the same calls. */
class SchedDecodersTest extends DecoderTestBase {
    @Test
    void schedulingIoPrioritiesAndKcmp() {
        long param = memory.map(le(4).putInt(5).array());
        assertThat(line("sched_getparam", 0, 0, param)).isEqualTo("0, [5] = 0");
        assertThat(line("sched_getparam", -22, -1, param)).isEqualTo("-1, 0x" + Long.toHexString(param) + " = -1 EINVAL (Invalid argument)");
        assertThat(line("sched_setscheduler", 0, 0, 6, 0)).isEqualTo("0, SCHED_DEADLINE, NULL = 0");
        assertThat(line("sched_setscheduler", 0, 0, 0x40000003, param)).isEqualTo("0, 0x40000003 /* SCHED_??? */, [5] = 0");
        assertThat(line("ioprio_get", 16388, 1, 0)).isEqualTo("IOPRIO_WHO_PROCESS, 0 = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");
        assertThat(line("ioprio_set", -22, 1, 0, -1))
                .isEqualTo("IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 8191) = -1 EINVAL (Invalid argument)");
        long slot = memory.map(le(12).putInt(5).putInt(6).putInt(7).array());
        assertThat(line("kcmp", 0, 10, 11, 7, 3, slot)).isEqualTo("10, 11, KCMP_EPOLL_TFD, 3, {efd=5, tfd=6, toff=7} = 0");
        assertThat(line("kcmp", 0, 10, 11, 4, 3, 4)).isEqualTo("10, 11, KCMP_SIGHAND = 0");
        assertThat(line("kcmp", -22, 10, 11, -1, 0, 9)).isEqualTo("10, 11, 0xffffffff /* KCMP_??? */, 0, 0x9 = -1 EINVAL (Invalid argument)");
        long head = memory.map(le(8).putLong(0x7f0012340a20L).array());
        long length = memory.map(le(8).putLong(24).array());
        assertThat(line("get_robust_list", 0, 0, head, length)).isEqualTo("0, [0x7f0012340a20], [24] = 0");
        assertThat(line("get_robust_list", -3, 99, head, length))
                .isEqualTo("99, 0x" + Long.toHexString(head) + ", 0x" + Long.toHexString(length) + " = -1 ESRCH (No such process)");
    }
}
