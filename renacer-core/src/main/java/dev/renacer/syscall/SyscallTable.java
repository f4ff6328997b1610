package dev.renacer.syscall;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The x86_64 syscall table: number, name, argument kinds and strace's classes, read once from the
 * data file {@code x86_64.syscalls}. Lookups by number are array reads and never allocate.
 */
public final class SyscallTable {
    /**
     * Names of unknown numbers below this bound are made at their first use and kept, so name() allocates once for
     * each of them (not all made up front: 1024 concatenations in the interpreter at every start).
     */
    private static final int PRECOMPUTED = 1024;

    private static final String[] NAMES = new String[PRECOMPUTED];
    private static final int[] CLASSES;
    private static final ArgKind[][] KINDS;
    /** The flag set of each {@link ArgKind#FLAGS} argument, null elsewhere. */
    private static final FlagSet[][] FLAG_SETS;
    private static final ResultKind[] RESULT_KINDS;
    private static final boolean[] KNOWN;
    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    private static final int SIZE;

    static {
        List<String[]> rows = TableLines.read("x86_64.syscalls");
        int size = 0;
        for (String[] row : rows) size = Math.max(size, Integer.parseInt(row[0]) + 1);
        SIZE = size;
        CLASSES = new int[size];
        KINDS = new ArgKind[size][];
        FLAG_SETS = new FlagSet[size][];
        RESULT_KINDS = new ResultKind[size];
        KNOWN = new boolean[size];
        for (String[] row : rows) {
            int number = Integer.parseInt(row[0]);
            if (KNOWN[number]) throw new IllegalStateException("syscall " + number + " listed twice");
            KNOWN[number] = true;
            NAMES[number] = row[1];
            NUMBERS.put(row[1], number);
            CLASSES[number] = parseClasses(row[2]);
            int kinds = row.length - 3;
            RESULT_KINDS[number] = ResultKind.DECIMAL;
            if (kinds > 0 && row[row.length - 1].startsWith("->")) {
                RESULT_KINDS[number] = ResultKind.fromToken(row[row.length - 1]);
                kinds--;
            }
            KINDS[number] = new ArgKind[kinds];
            FLAG_SETS[number] = new FlagSet[kinds];
            for (int k = 0; k < kinds; k++) {
                String token = row[3 + k];
                KINDS[number][k] = ArgKind.fromToken(token);
                if (token.startsWith("@")) FLAG_SETS[number][k] = Flags.get(token.substring(1));
            }
        }
    }

    private SyscallTable() {}

    private static int parseClasses(String field) {
        if (field.equals("-")) return 0;
        int mask = 0;
        for (String name : field.split("\\|")) mask |= SyscallClass.valueOf(name.toUpperCase(Locale.ROOT)).bit();
        return mask;
    }

    /** strace's spelling for a number it has no name for. */
    private static String unknownName(int number) {
        return "syscall_0x" + Integer.toHexString(number);
    }

    /** One past the highest syscall number the table knows. */
    public static int size() { return SIZE; }

    /** The name, or {@code syscall_0x1c2} for an unknown number. Allocates for 0..1023 only at an unknown one's first use. */
    public static String name(int number) {
        if (number < 0 || number >= PRECOMPUTED) return unknownName(number);
        String name = NAMES[number];
        if (name == null) NAMES[number] = name = unknownName(number); // two threads racing make an equal string twice
        return name;
    }

    /** The number of a syscall name, or -1 if x86_64 has no such syscall. */
    public static int number(String name) {
        Integer number = NUMBERS.get(name);
        return number == null ? -1 : number;
    }

    /** True when the table has this number (x86_64 leaves gaps, e.g. 335..423). */
    public static boolean known(int number) {
        return number >= 0 && number < SIZE && KNOWN[number];
    }

    /** Bitmask of {@link SyscallClass#bit()} the syscall belongs to (strace's classes); 0 when unknown. */
    public static int classes(int number) {
        return known(number) ? CLASSES[number] : 0;
    }

    public static boolean inClass(int number, SyscallClass syscallClass) {
        return (classes(number) & syscallClass.bit()) != 0;
    }

    /** How many arguments the syscall takes (0..6); 6 for an unknown number, as strace prints them all. */
    public static int argumentCount(int number) {
        return known(number) ? KINDS[number].length : 6;
    }

    /** The kind of argument {@code index}; {@link ArgKind#UNDECODED} when the syscall is unknown. */
    public static ArgKind argumentKind(int number, int index) {
        return known(number) ? KINDS[number][index] : ArgKind.UNDECODED;
    }

    /** The flag set argument {@code index} is printed with, when its kind is {@link ArgKind#FLAGS}. */
    public static FlagSet flagSet(int number, int index) {
        return FLAG_SETS[number][index];
    }

    /** True when strace prints the result in hex (addresses: mmap, brk, mremap, shmat). */
    public static boolean hexResult(int number) {
        return resultKind(number) == ResultKind.HEX;
    }

    /** How a successful result of this call is printed. */
    public static ResultKind resultKind(int number) {
        return known(number) ? RESULT_KINDS[number] : ResultKind.DECIMAL;
    }
}
