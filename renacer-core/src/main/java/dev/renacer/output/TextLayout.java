package dev.renacer.output;

import java.util.Arrays;

/**
 * What the text trace shows besides the calls, as strace's options shape it: the column of " = "
 * (-a), the {@code +++ exited with N +++} lines (-qq and -e quiet=exit hide them), the
 * {@code [ Process PID=N runs in 32 bit mode. ]} lines (-q, quiet=personality, and strace's implied -q
 * for {@code -o FILE PROG}), and which signals' {@code --- SIG... ---} and {@code +++ killed by ... +++}
 * lines are printed (-e signal=).
 *
 * @param column      -a: " = " starts at this column (strace's default 40)
 * @param exits       print {@code +++ exited with N +++}
 * @param personality print {@code [ Process PID=N runs in 32 bit mode. ]}
 * @param signals     signal N's lines are printed when {@code signals[N]}; signals beyond the array are printed
 */
public record TextLayout(int column, boolean exits, boolean personality, boolean[] signals) {
    /** strace's default column for " = ". */
    public static final int DEFAULT_COLUMN = 40;

    public TextLayout {
        if (column < 0) throw new IllegalArgumentException("column must not be negative: " + column);
        signals = signals.clone();
    }

    /** strace's defaults without -o FILE: column 40, every line; with {@code toFile}, the implied -q. */
    public static TextLayout defaults(boolean toFile) {
        boolean[] all = new boolean[65];
        Arrays.fill(all, true);
        return new TextLayout(DEFAULT_COLUMN, true, !toFile, all);
    }

    /** Whether signal {@code signal}'s lines are printed (-e signal=). Never allocates. */
    public boolean printsSignal(int signal) {
        return signal < 0 || signal >= signals.length || signals[signal];
    }
}
