package dev.renacer.otlp;

/**
 * Reuses the String of a text seen recently (a direct-mapped cache of 4096 slots keyed by content
 * hash), so the arguments and results a program repeats — the same read(3, ...) in a loop, "0", "-1
 * EAGAIN ..." — do not cost a new String per exported span. A miss makes and keeps a new String.
 * Races between threads are benign: slots hold immutable Strings and a lost store only costs a miss.
 */
public final class StringCache {
    private static final int SLOTS = 4096;
    private static final int MAX_LENGTH = 256;
    private final String[] slots = new String[SLOTS];

    public String intern(CharSequence text) {
        int length = text.length();
        if (length > MAX_LENGTH) return text.toString();
        int hash = 0;
        for (int i = 0; i < length; i++) hash = 31 * hash + text.charAt(i);
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.contentEquals(text)) return cached;
        String made = text.toString();
        slots[slot] = made;
        return made;
    }
}
