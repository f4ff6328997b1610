package dev.renacer.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment handed to a launched command: environ's own strings, in the order asked for. */
class EnvironTest {

    @Test
    void noOrderIsEnvironItself() {
        assertThat(Environ.ordered(List.of())).isEqualTo(Environ.pointer());
        assertThat(Environ.names(null)).isEmpty();
        assertThat(Environ.names("  ")).isEmpty();
        assertThat(Environ.names("B A  C ")).containsExactly("B", "A", "C");
    }

    @Test
    void namedVariablesComeFirstInTheGivenOrderAndTheRestFollowInTheirs() {
        List<String> current = strings(Environ.pointer());
        assertThat(current.size()).isGreaterThan(2);
        List<String> names = new ArrayList<>();
        for (String entry : current) names.add(entry.substring(0, Math.max(0, entry.indexOf('='))));
        List<String> reversed = new ArrayList<>(names.subList(1, names.size()));
        Collections.reverse(reversed);
        reversed.add("RENACER_NO_SUCH_VARIABLE");

        List<String> expected = new ArrayList<>(current.subList(1, current.size()));
        Collections.reverse(expected);
        expected.add(current.get(0)); // not named: after the named ones
        assertThat(strings(Environ.ordered(reversed))).containsExactlyElementsOf(expected);
    }

    private static List<String> strings(Pointer array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Pointer p = array.getPointer((long) i * Native.POINTER_SIZE);
            if (p == null) return out;
            out.add(p.getString(0, "ISO-8859-1"));
        }
    }
}
