package dev.renacer.filter;

import dev.renacer.syscall.SyscallTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seccomp program, run here by a classic-BPF interpreter of the four instructions it uses, against the
 * selection it was made from: every x86_64 number gets TRACE exactly when the tracer wants to stop there (the
 * selection, execve and execveat), and every number of another arch, the x32 numbers and those beyond the table get TRACE.
 */
class SeccompProgramTest {
    private static final int TRACE = 0x7ff00000, ALLOW = 0x7fff0000;
    private static final int X86_64 = 0xc000003e, I386 = 0x40000003;

    @ParameterizedTest
    @ValueSource(strings = {"unlink", "%file", "!write", "%process,read,/^mmap", "none", "openat,close,!close", "%desc"})
    void tracesExactlyTheSelectionAndWhatTheTableCannotVouchFor(String spec) {
        TraceFilter filter = TraceFilter.parse(spec);
        byte[] program = SeccompProgram.compile(filter);
        assertThat(program).isNotNull();
        assertThat(program.length / 8).isLessThanOrEqualTo(SeccompProgram.MAX_INSTRUCTIONS);
        for (int nr = 0; nr < SyscallTable.size() + 10; nr++) {
            boolean wanted = nr >= SyscallTable.size() || filter.traces(nr)
                    || SyscallTable.name(nr).equals("execve") || SyscallTable.name(nr).equals("execveat");
            assertThat(run(program, X86_64, nr)).as("%s: %s", spec, SyscallTable.name(nr)).isEqualTo(wanted ? TRACE : ALLOW);
            assertThat(run(program, I386, nr)).isEqualTo(TRACE);
        }
        assertThat(run(program, X86_64, 0x40000000 | 1)).isEqualTo(TRACE); // x32 write
    }

    @Test
    void noProgramWhenEveryCallIsTraced() {
        assertThat(SeccompProgram.hex(TraceFilter.all())).isNull();
        assertThat(SeccompProgram.hex(TraceFilter.parse("all"))).isNull();
        assertThat(SeccompProgram.hex(TraceFilter.parse("unlink"))).matches("([0-9a-f]{16})+");
    }

    /** Classic BPF over struct seccomp_data {int nr; u32 arch; ...}: ld abs, jeq, jge, ret. */
    private static int run(byte[] program, int arch, int nr) {
        ByteBuffer code = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        int a = 0;
        for (int pc = 0; pc < program.length / 8; pc++) {
            int op = code.getShort(pc * 8) & 0xffff, jt = code.get(pc * 8 + 2) & 0xff, jf = code.get(pc * 8 + 3) & 0xff;
            int k = code.getInt(pc * 8 + 4);
            switch (op) {
                case 0x20 -> a = k == 0 ? nr : k == 4 ? arch : 0;
                case 0x15 -> pc += a == k ? jt : jf;
                case 0x35 -> pc += Integer.compareUnsigned(a, k) >= 0 ? jt : jf;
                case 0x06 -> { return k; }
                default -> throw new AssertionError("unexpected opcode 0x" + Integer.toHexString(op));
            }
        }
        throw new AssertionError("fell off the program");
    }
}
