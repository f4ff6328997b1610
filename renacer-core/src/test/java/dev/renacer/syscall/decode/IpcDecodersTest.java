package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** System V IPC's keys, flags and commands; expected texts are strace 6.1's for the same calls (decoders_files.c). */
class IpcDecodersTest extends DecoderTestBase {
    @Test
    void getCallsAttachAndControl() {
        assertThat(line("shmget", 5, 0, 4096, 01600)).isEqualTo("IPC_PRIVATE, 4096, IPC_CREAT|0600 = 5");
        assertThat(call("shmget", -2, 0x72656e61, 4096, 0644)).isEqualTo("0x72656e61, 4096, 0644");
        assertThat(call("shmget", -12, 0, 4096, (21L << 26) | 04000 | 01000 | 0600))
                .isEqualTo("IPC_PRIVATE, 4096, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600");
        assertThat(line("shmat", 0x7f307a264000L, 5, 0, 010000)).isEqualTo("5, NULL, SHM_RDONLY = 0x7f307a264000");
        assertThat(call("shmat", 0x1000, 5, 0x1000, 0x200000)).isEqualTo("5, 0x1000, 0x200000 /* SHM_??? */");
        assertThat(call("shmdt", 0, 0x7f307a264000L)).isEqualTo("0x7f307a264000");
        assertThat(call("shmctl", 0, 5, 0, 0)).isEqualTo("5, IPC_RMID, NULL");
        assertThat(call("shmctl", -22, 5, 0x7f, 0)).isEqualTo("5, 0x7f /* SHM_??? */, NULL");
        assertThat(call("semget", -2, 0x72656e61, 1, 0)).isEqualTo("0x72656e61, 1, 000");
        assertThat(call("semctl", 0, 4, 0, 0, 0)).isEqualTo("4, 0, IPC_RMID, NULL");
        assertThat(call("msgget", 4, 0, 05640)).isEqualTo("IPC_PRIVATE, IPC_CREAT|IPC_NOWAIT|0640");
        assertThat(call("msgctl", -22, 4, 77, 0)).isEqualTo("4, 0x4d /* MSG_??? */, NULL");
    }
}
