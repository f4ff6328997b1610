package dev.renacer.filter;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * A set of non-negative numbers in strace's -e language (basic_filters.c's qualify_tokens): a comma
 * list of tokens, each turned into a number by a lookup; every leading {@code !} inverts the whole
 * set; {@code all} and {@code none}. Used for -e signal=, status=, quiet=, read=, write= and decode-fds=.
 * Immutable; {@link #contains} is a binary search and allocates nothing.
 */
public final class NumberSet {
    private static final NumberSet ALL = new NumberSet(new int[0], true);
    private static final NumberSet NONE = new NumberSet(new int[0], false);

    private final int[] sorted;
    private final boolean inverted;

    private NumberSet(int[] sorted, boolean inverted) {
        this.sorted = sorted;
        this.inverted = inverted;
    }

    public static NumberSet all() { return ALL; }

    public static NumberSet none() { return NONE; }

    /** Exactly {@code numbers}. */
    public static NumberSet of(int... numbers) {
        int[] copy = numbers.clone();
        Arrays.sort(copy);
        return new NumberSet(copy, false);
    }

    /**
     * Parses {@code spec}; {@code lookup} answers a token's number or -1.
     *
     * @param what names a bad token in strace's words: "invalid WHAT 'TOKEN'"
     * @throws FilterException for a token the lookup refuses, or a spec without tokens
     */
    public static NumberSet parse(String spec, ToIntFunction<String> lookup, String what) {
        boolean inverted = false;
        int start = 0;
        while (start < spec.length() && spec.charAt(start) == '!') {
            inverted = !inverted;
            start++;
        }
        String body = spec.substring(start);
        if (body.equals("none")) return inverted ? ALL : NONE;
        if (body.equals("all")) return inverted ? NONE : ALL;
        int[] numbers = new int[0];
        int count = 0;
        for (String token : body.split(",")) {
            if (token.isEmpty()) continue; // strace's strtok skips empty fields
            int n = lookup.applyAsInt(token);
            if (n < 0) throw new FilterException("invalid " + what + " '" + token + "'");
            if (count == numbers.length) numbers = Arrays.copyOf(numbers, Math.max(4, 2 * count));
            numbers[count++] = n;
        }
        if (count == 0) throw new FilterException("invalid " + what + " '" + spec + "'");
        int[] sorted = Arrays.copyOf(numbers, count);
        Arrays.sort(sorted);
        return new NumberSet(sorted, inverted);
    }

    public boolean contains(int number) {
        return (number >= 0 && Arrays.binarySearch(sorted, number) >= 0) ^ inverted;
    }

    /** True when every number is in (strace's is_complete_set for a set of {@code size} values). */
    public boolean containsAll(int size) {
        int listed = listedBelow(size);
        return inverted ? listed == 0 : listed == Math.max(size, 0);
    }

    /**
     * True when no number of {@code 0..size-1} is in. Counted over the listed numbers, not asked of each of the
     * {@code size}: every start asks it of -e read= and write= for 65536 descriptors (2.7-3.6 ms of CPU under
     * the profiler, interpreted).
     */
    public boolean containsNone(int size) {
        int listed = listedBelow(size);
        return inverted ? listed == Math.max(size, 0) : listed == 0;
    }

    /** How many distinct listed numbers are below {@code size}. */
    private int listedBelow(int size) {
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            int n = sorted[i];
            if (n >= 0 && n < size && (i == 0 || sorted[i - 1] != n)) count++;
        }
        return count;
    }

    /** A decimal number as strace's string_to_uint reads it (at most INT_MAX), or -1. */
    public static int unsigned(String token) {
        if (token.isEmpty() || token.length() > 10) return -1;
        for (int i = 0; i < token.length(); i++) if (token.charAt(i) < '0' || token.charAt(i) > '9') return -1;
        long v = Long.parseLong(token);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
