package dev.renacer.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's list of inherited descriptors, as renacer reads it: only descriptors above 2 count. */
class InheritedDescriptorsTest {

    @Test
    void readsTheLaunchersList() {
        assertThat(RenacerCommand.inheritedDescriptors("3,7,10,251")).containsExactly(3, 7, 10, 251);
    }

    @Test
    void absentOrEmptyMeansNone() {
        assertThat(RenacerCommand.inheritedDescriptors(null)).isEmpty();
        assertThat(RenacerCommand.inheritedDescriptors("")).isEmpty();
    }

    @Test
    void stdioDuplicatesAndJunkAreLeftOut() {
        assertThat(RenacerCommand.inheritedDescriptors("0,1,2,3,3, 9 ,x,-4,99999999999")).containsExactly(3, 9);
    }
}
