package dev.renacer.syscall;

import org.junit.jupiter.api.Test;

import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class NumTest {

    private static String format(BiConsumer<Long, StringBuilder> f, long value) {
        StringBuilder out = new StringBuilder();
        f.accept(value, out);
        return out.toString();
    }

    @Test
    void hexAsStracesPercentHashLx() {
        assertThat(format(Num::appendHexOrZero, 0)).isEqualTo("0");
        assertThat(format(Num::appendHexOrZero, 0x1f)).isEqualTo("0x1f");
        assertThat(format(Num::appendHexOrZero, -1)).isEqualTo("0xffffffffffffffff");
        assertThat(format(Num::appendHex, 0x7ffd00001000L)).isEqualTo("0x7ffd00001000");
        assertThat(format(Num::appendAddress, 0)).isEqualTo("NULL");
    }

    @Test
    void modesAsStracesPercentHash03o() {
        assertThat(format(Num::appendOctalMode, 0)).isEqualTo("000");
        assertThat(format(Num::appendOctalMode, 07)).isEqualTo("007");
        assertThat(format(Num::appendOctalMode, 022)).isEqualTo("022");
        assertThat(format(Num::appendOctalMode, 0644)).isEqualTo("0644");
        assertThat(format(Num::appendOctalMode, 04755)).isEqualTo("04755");
    }

    @Test
    void unsignedDecimalOfAll64Bits() {
        assertThat(format(Num::appendUnsigned, 832)).isEqualTo("832");
        assertThat(format(Num::appendUnsigned, -1)).isEqualTo("18446744073709551615");
        assertThat(format(Num::appendUnsigned, Long.MIN_VALUE)).isEqualTo("9223372036854775808");
    }
}
