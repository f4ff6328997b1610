package dev.renacer.filter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** containsNone and containsAll count the listed numbers; they must answer as asking contains of each number would. */
class NumberSetTest {
    private static final List<String> SPECS = List.of("none", "all", "!none", "!all", "0", "3", "0,1,2,3", "3,1,1,2,0,0",
            "5,7", "!5,7", "!0,1,2,3", "!!2", "1,2,3,4,5,6,7,8", "0,1,2,3,4,5,6,7,9");

    private static NumberSet parse(String spec) {
        return NumberSet.parse(spec, Integer::parseInt, "number");
    }

    @Test
    void countingAgreesWithAskingEachNumber() {
        for (String spec : SPECS) {
            NumberSet set = parse(spec);
            for (int size = 0; size <= 10; size++) {
                boolean none = true, all = true;
                for (int n = 0; n < size; n++) {
                    if (set.contains(n)) none = false;
                    else all = false;
                }
                assertThat(set.containsNone(size)).as("%s containsNone(%d)", spec, size).isEqualTo(none);
                assertThat(set.containsAll(size)).as("%s containsAll(%d)", spec, size).isEqualTo(all);
            }
        }
    }

    @Test
    void theDescriptorSetsOfEveryStart() {
        assertThat(NumberSet.none().containsNone(1 << 16)).isTrue();
        assertThat(NumberSet.all().containsNone(1 << 16)).isFalse();
        assertThat(parse("!3").containsNone(1 << 16)).isFalse();
        assertThat(parse("70000").containsNone(1 << 16)).isTrue();
        assertThat(parse("65535").containsNone(1 << 16)).isFalse();
    }
}
