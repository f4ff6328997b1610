package dev.renacer.cli;

import dev.renacer.filter.CallStatus;
import dev.renacer.filter.Quiet;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the -e qualifiers and -ff say about the printed trace, handed to {@link OutputOptions}: which
 * calls are printed (-e status=, -z, -Z), which messages are not (-q, -e quiet=), which signals' lines
 * are (-e signal=), and whether each task writes its own file (-ff with -o).
 */
record Display(Set<CallStatus> status, Set<Quiet> quiet, boolean[] signals, boolean separateFiles) {
    static final Display DEFAULT = new Display(EnumSet.allOf(CallStatus.class), EnumSet.noneOf(Quiet.class),
            allSignals(), false);

    private static boolean[] allSignals() {
        boolean[] all = new boolean[65];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
