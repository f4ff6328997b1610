package dev.renacer.syscall;

/**
 * One named table of constants (O_*, PROT_*, SEEK_*...) and strace's two ways of printing a value
 * with it: as OR-ed flags, or as one value of an enumeration. Appends only; never allocates.
 */
public final class FlagSet {
    private final String name;
    private final boolean bitwise;
    /** Flags: printed for 0. Values: the comment for an unknown value ("SEEK_???"), or "-" for bare hex. */
    private final String fallback;
    /** Flags only: the comment strace puts after a value none of whose bits has a name ("RWF_???"), or null. */
    private final String unknown;
    private final long[] values;
    private final String[] names;

    FlagSet(String name, boolean bitwise, String fallback, long[] values, String[] names) {
        this(name, bitwise, fallback, null, values, names);
    }

    FlagSet(String name, boolean bitwise, String fallback, String unknown, long[] values, String[] names) {
        this.name = name;
        this.bitwise = bitwise;
        this.fallback = fallback;
        this.unknown = unknown;
        this.values = values;
        this.names = names;
    }

    public String name() { return name; }

    /**
     * The value this set gives {@code name}: how code names a constant whose home is a table line. Throws for a
     * name the set lacks, so a misspelt name fails when its class loads.
     */
    public long value(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return values[i];
        throw new IllegalArgumentException("no " + name + " in the flag set " + this.name);
    }

    /** The name of exactly this value, or null. */
    public String nameOf(long value) {
        for (int i = 0; i < values.length; i++) if (values[i] == value) return names[i];
        return null;
    }

    /**
     * Appends every name this value has, in table order, joined by {@code separator}, as strace prints an ioctl
     * request that two headers define ({@code BTRFS_IOC_CLONE or FICLONE}); appends nothing and returns false
     * when it has none.
     */
    public boolean appendNames(long value, String separator, StringBuilder out) {
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != value) continue;
            if (any) out.append(separator);
            out.append(names[i]);
            any = true;
        }
        return any;
    }

    /**
     * Appends a 32-bit argument (an int in a 64-bit register) the way this set prints: its low 32 bits, or, for a
     * set of values that names negative ints (RUSAGE_CHILDREN is -1), those bits sign-extended when only that
     * has a name.
     */
    public void appendInt(long register, StringBuilder out) {
        long value = register & 0xffffffffL;
        if (!bitwise && (int) register < 0 && nameOf(value) == null && nameOf((int) register) != null) value = (int) register;
        append(value, out);
    }

    /** As {@link #append} for a set of values, with {@code unknown} as the comment of a value without a name. */
    public void appendValue(long value, String unknown, StringBuilder out) {
        String known = nameOf(value);
        if (known != null) {
            out.append(known);
        } else {
            Num.appendHexOrZero(value, out);
            out.append(" /* ").append(unknown).append(" */");
        }
    }

    /** Appends the value the way this set prints: flags ({@code O_CREAT|O_TRUNC|0x40000000}) or a value. */
    public void append(long value, StringBuilder out) {
        if (bitwise) appendFlags(value, out);
        else appendValue(value, out);
    }

    /**
     * Appends the names of the set bits in table order, then any bits left over as hex; appends
     * nothing and returns false when {@code value} is 0.
     */
    public boolean appendBits(long value, StringBuilder out) {
        long rest = value;
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            if (v != 0 && (rest & v) == v) {
                if (any) out.append('|');
                out.append(names[i]);
                rest &= ~v;
                any = true;
            }
        }
        if (rest != 0) {
            if (any) out.append('|');
            Num.appendHex(rest, out);
            any = true;
        }
        return any;
    }

    /**
     * A set that names its unknown bits prints a value without any known bit as strace's printflags does,
     * {@code 0x100 /* RWF_??? *\/}; leftover bits beside known ones stay bare ({@code RWF_HIPRI|0x60}).
     */
    private void appendFlags(long value, StringBuilder out) {
        if (value == 0) {
            out.append(fallback == null ? "0" : fallback);
            return;
        }
        int start = out.length();
        appendBits(value, out);
        if (unknown != null && out.charAt(start) == '0') out.append(" /* ").append(unknown).append(" */");
    }

    /** A known value prints its name; an unknown one its hex and the set's "???" comment, as strace does. */
    private void appendValue(long value, StringBuilder out) {
        String known = nameOf(value);
        if (known != null) {
            out.append(known);
        } else {
            if (fallback.equals("-")) {
                Num.appendHex(value, out);
            } else {
                Num.appendHexOrZero(value, out); // strace's %#x: an unknown 0 is "0 /* IOPRIO_WHO_??? */"
                out.append(" /* ").append(fallback).append(" */");
            }
        }
    }
}
