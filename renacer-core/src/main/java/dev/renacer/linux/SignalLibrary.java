package dev.renacer.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;

/**
 * Bindings of src/main/c/renacer-signals.c, loaded from sealed memory ({@link ShippedBinary}): signal
 * handlers the JVM would refuse (SIGQUIT; a SIGINT ignored at start), and dying by a signal.
 */
public interface SignalLibrary extends Library {
    String NAME = "librenacer-signals.so";

    /** Signals {@code sig} by writing its number to {@code fd} (a non-blocking pipe's write end); 0 or -1. */
    int renacer_catch_signal(int sig, int fd);

    /** SIG_IGN when {@code ignore} is non-zero, else SIG_DFL; 0 or -1. */
    int renacer_set_disposition(int sig, int ignore);

    /** Dies by {@code sig}, no core file; returns only if it did not. */
    int renacer_die_by(int sig);

    /**
     * The library, loaded once and held for good: its handler functions must stay mapped for as long as a
     * signal can arrive (JNA unloads a library whose proxy is collected, and the next signal would jump
     * into unmapped memory).
     */
    static SignalLibrary load() throws IOException {
        synchronized (SignalLibrary.class) {
            if (Holder.instance == null) Holder.instance = Native.load(ShippedBinary.path(NAME), SignalLibrary.class);
            return Holder.instance;
        }
    }

    /** The one instance (an interface can only hold constants, hence this class). */
    final class Holder {
        private static SignalLibrary instance;

        private Holder() {}
    }
}
