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
        return NativeLibrary.getInstance(LibC.LIBRARY).getGlobalVariableAddress("environ").getPointer(0);
    }

    /**
     * {@code environ}'s own strings, reordered to follow {@code names} (variables not named there keep
     * their place after the named ones). Returns {@link #pointer()} itself when there is no order. The
     * caller keeps the returned memory reachable until the spawn is done.
     */
    public static Pointer ordered(List<String> names) {
        return ordered(names, List.of()).pointer();
    }

    /** An environment array for posix_spawn and the native memory it points into, to keep reachable until the spawn is done. */
    public record Block(Pointer pointer, List<Memory> memory) {}

    /**
     * As {@link #ordered(List)}, then -E's {@code changes} applied in order as strace's make_env applies them:
     * {@code VAR=VALUE} replaces the first entry named VAR or is added at the end, {@code VAR} removes every entry
     * named VAR.
     */
    public static Block ordered(List<String> names, List<byte[]> changes) {
        Pointer environ = pointer();
        if ((names.isEmpty() && changes.isEmpty()) || environ == null) return new Block(environ, List.of());
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
        List<Pointer> result = new ArrayList<>(List.of(out));
        List<Memory> memory = new ArrayList<>();
        for (byte[] change : changes) apply(result, change, memory);
        Memory array = new Memory((long) (result.size() + 1) * Native.POINTER_SIZE);
        for (int i = 0; i < result.size(); i++) array.setPointer((long) i * Native.POINTER_SIZE, result.get(i));
        array.setPointer((long) result.size() * Native.POINTER_SIZE, null);
        memory.add(array);
        return new Block(array, memory);
    }

    private static void apply(List<Pointer> entries, byte[] change, List<Memory> memory) {
        int eq = indexOf(change, (byte) '=');
        String name = new String(change, 0, eq < 0 ? change.length : eq, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (eq < 0) {
            entries.removeIf(e -> nameOf(e).equals(name));
            return;
        }
        Memory entry = new Memory(change.length + 1L);
        entry.write(0, change, 0, change.length);
        entry.setByte(change.length, (byte) 0);
        memory.add(entry);
        for (int i = 0; i < entries.size(); i++) {
            if (nameOf(entries.get(i)).equals(name)) {
                entries.set(i, entry);
                return;
            }
        }
        entries.add(entry);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
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
