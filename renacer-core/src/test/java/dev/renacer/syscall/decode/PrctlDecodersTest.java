package dev.renacer.syscall.decode;

import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** prctl's options and the arguments each one takes; expected texts are strace 6.1's for the same calls. */
class PrctlDecodersTest extends DecoderTestBase {
    @Test
    void prctlAsStrace61PrintsEachOption() {
        long name = memory.string("worker-thread-long-name");
        long buffer = memory.map("worker-thread-l\0".getBytes(StandardCharsets.US_ASCII));
        long sigkill = memory.map(le(4).putInt(9).array());
        long one = memory.map(le(4).putInt(1).array());
        assertThat(call("prctl", 0, 15, name)).isEqualTo("PR_SET_NAME, \"worker-thread-l\"...");
        assertThat(call("prctl", 0, 16, buffer)).isEqualTo("PR_GET_NAME, \"worker-thread-l\"");
        // strace reads 15 bytes of PR_SET_NAME's name: one of exactly 15 fills them, and so prints with "..."
        assertThat(call("prctl", 0, 15, memory.string("abcdefghijklmno"))).isEqualTo("PR_SET_NAME, \"abcdefghijklmno\"...");
        assertThat(call("prctl", 0, 15, memory.string("abcdefghijklmn"))).isEqualTo("PR_SET_NAME, \"abcdefghijklmn\"");
        SyscallDecoder short4 = new SyscallDecoder(memory, 4);
        assertThat(call(short4, "prctl", 0, 15, memory.string("abcd"))).isEqualTo("PR_SET_NAME, \"abcd\"");
        assertThat(call(short4, "prctl", 0, 15, memory.string("abcde"))).isEqualTo("PR_SET_NAME, \"abcd\"...");
        assertThat(call(short4, "prctl", 0, 16, buffer)).isEqualTo("PR_GET_NAME, \"work\"...");
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
        assertThat(result("prctl", 1, 3)).isEqualTo("1 (SUID_DUMP_USER)");
        // Nothing left for the exit stop: the entry reports every argument handled, so no separator is due.
        int prctl = SyscallTable.number("prctl");
        long[] setName = {15, name, 0, 0, 0, 0};
        assertThat(decoder.decodeEntry(1, prctl, setName, 0, new StringBuilder())).isEqualTo(2);
        long[] getName = {16, buffer, 0, 0, 0, 0};
        assertThat(decoder.decodeEntry(1, prctl, getName, 0, new StringBuilder())).isEqualTo(1);
    }
}
