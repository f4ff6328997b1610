package dev.renacer.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import java.io.IOException;

/**
 * Bindings of src/main/c/renacer-signals.c, loaded from sealed memory ({@link ShippedBinary}): signal
 * handlers the JVM would refuse (SIGQUIT; a SIGINT ignored at start), and dying by a signal. JNA's direct
 * mapping (no dynamic proxy class to generate at start, see {@link CheckedLibC}); {@link #load} first.
 */
public final class SignalLibrary {
    public static final String NAME = "librenacer-signals.so";

    /** Set once the functions are bound: the library stays mapped, registered to this class, for good. */
    private static boolean loaded;

    private SignalLibrary() {}

    /** Signals {@code sig} by writing its number to {@code fd} (a non-blocking pipe's write end); 0 or -1. */
    public static native int renacer_catch_signal(int sig, int fd);

    /** SIG_IGN when {@code ignore} is non-zero, else SIG_DFL; 0 or -1. */
    public static native int renacer_set_disposition(int sig, int ignore);

    /** Dies by {@code sig}, no core file; returns only if it did not. */
    public static native int renacer_die_by(int sig);

    /**
     * Loads the library and binds the functions above, once: its handler functions must stay mapped for as long as a
     * signal can arrive, and a library registered to a class is never unloaded while the class is loaded (an
     * interface mapping's library is unloaded when its proxy is collected, and the next signal would jump into
     * unmapped memory).
     */
    public static void load() throws IOException {
        synchronized (SignalLibrary.class) {
            if (loaded) return;
            Native.register(SignalLibrary.class, NativeLibrary.getInstance(ShippedBinary.path(NAME)));
            loaded = true;
        }
    }
}
