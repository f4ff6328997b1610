package dev.renacer.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

/**
 * The process's own {@code environ}, handed to the traced command so that it sees what renacer got:
 * the same strings, and, when the launcher says what order they came in, that order.
 */
public final class Environ {
    private Environ() {}

    /**
     * Set by the {@code renacer} launcher: the names of the variables in the order the launcher received
     * them, space-separated (see {@link #names}). The launcher is a POSIX sh script, and dash rebuilds the environment in its
     * own hash order when it execs java (measured: {@code env | head -1} gives SHELL=..., {@code sh -c
     * 'exec env' | head -1} another variable); the traced command gets the caller's order back.
     */
    public static final String ORDER_PROPERTY = "renacer.envOrder";

    /** The launcher's list: names split at spaces; null or blank is no order. */
    public static List<String> names(String property) {
        if (property == null || property.isBlank()) return List.of();
        return List.of(property.trim().split(" +"));
    }

    public static Pointer pointer() {
        return NativeLibrary.getInstance("c").getGlobalVariableAddress("environ").getPointer(0);
    }

    /**
     * {@code environ}'s own strings, reordered to follow {@code names} (variables not named there keep
     * their place after the named ones). Returns {@link #pointer()} itself when there is no order. The
     * caller keeps the returned memory reachable until the spawn is done.
     */
    public static Pointer ordered(List<String> names) {
        Pointer environ = pointer();
        if (names.isEmpty() || environ == null) return environ;
        List<Pointer> entries = new ArrayList<>();
        List<String> entryNames = new ArrayList<>();
        for (int i = 0; ; i++) {
            Pointer entry = environ.getPointer((long) i * Native.POINTER_SIZE);
            if (entry == null) break;
            entries.add(entry);
            entryNames.add(nameOf(entry));
        }
        Pointer[] out = new Pointer[entries.size()];
        boolean[] used = new boolean[entries.size()];
        int n = 0;
        for (String name : names) {
            for (int i = 0; i < entries.size(); i++) {
                if (!used[i] && entryNames.get(i).equals(name)) {
                    used[i] = true;
                    out[n++] = entries.get(i);
                    break;
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i]) out[n++] = entries.get(i);
        }
        Memory array = new Memory((long) (out.length + 1) * Native.POINTER_SIZE);
        for (int i = 0; i < out.length; i++) array.setPointer((long) i * Native.POINTER_SIZE, out[i]);
        array.setPointer((long) out.length * Native.POINTER_SIZE, null);
        return array;
    }

    /** The raw bytes of variable {@code name}'s value in {@code environ}, or null when it is not set. */
    public static byte[] rawValue(String name) {
        Pointer environ = pointer();
        if (environ == null) return null;
        for (int i = 0; ; i++) {
            Pointer entry = environ.getPointer((long) i * Native.POINTER_SIZE);
            if (entry == null) return null;
            if (nameOf(entry).equals(name)) return entry.getByteArray(name.length() + 1, (int) entry.indexOf(0, (byte) 0) - name.length() - 1);
        }
    }

    /** The bytes before the first '=', as ISO-8859-1 so that any byte compares as itself. */
    private static String nameOf(Pointer entry) {
        StringBuilder name = new StringBuilder();
        for (long i = 0; ; i++) {
            byte b = entry.getByte(i);
            if (b == 0 || b == '=') break;
            name.append((char) (b & 0xff));
        }
        return name.toString();
    }
}
