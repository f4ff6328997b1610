package dev.renacer.linux;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The process's own {@code environ}: handed as-is to the traced command, so it sees what renacer got. */
public final class Environ {
    private Environ() {}

    public static Pointer pointer() {
        return NativeLibrary.getInstance("c").getGlobalVariableAddress("environ").getPointer(0);
    }
}
