package dev.renacer.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's list of inherited descriptors, as renacer reads it: only descriptors above 2 count. */
class InheritedDescriptorsTest {

    @Test
    void readsTheLaunchersList() {
        assertThat(LauncherState.inheritedDescriptors("3,7,10,251")).containsExactly(3, 7, 10, 251);
    }

    @Test
    void absentOrEmptyMeansNone() {
        assertThat(LauncherState.inheritedDescriptors(null)).isEmpty();
        assertThat(LauncherState.inheritedDescriptors("")).isEmpty();
    }

    @Test
    void stdioDuplicatesAndJunkAreLeftOut() {
        assertThat(LauncherState.inheritedDescriptors("0,1,2,3,3, 9 ,x,-4,99999999999")).containsExactly(3, 9);
    }
}
