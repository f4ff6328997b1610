package dev.renacer.cli;

import dev.renacer.trace.Tracer;

import java.util.Arrays;

/**
 * What the {@code renacer} launcher script saw of its caller before it started the JVM, handed over as
 * system properties: the process state that a traced command inherits under strace and that the JVM
 * would otherwise change or hide. Without the launcher ({@code java -jar renacer.jar}) none is set and
 * the command gets the defaults each describes.
 */
final class LauncherState {
    /** Descriptors above 2 the launcher inherited without close-on-exec ("3,7"): the command gets them too. */
    static final String PASS_FDS_PROPERTY = "renacer.passFds";
    /** Standard descriptors (0-2) the launcher found closed and filled with /dev/null: closed again for the command. */
    static final String CLOSED_FDS_PROPERTY = "renacer.closedFds";
    /** The launcher's SigIgn and SigBlk from /proc/$$/status (hex): the caller's ignored and blocked signals. */
    static final String IGNORED_SIGNALS_PROPERTY = "renacer.sigIgn";
    static final String BLOCKED_SIGNALS_PROPERTY = "renacer.sigBlk";

    private LauncherState() {}

    static int[] passDescriptors() {
        return inheritedDescriptors(System.getProperty(PASS_FDS_PROPERTY));
    }

    static int[] closedDescriptors() {
        return descriptors(System.getProperty(CLOSED_FDS_PROPERTY), 0, 2);
    }

    /**
     * Sets the caller's signal state on {@code builder}: the launcher's masks; without the launcher, the
     * signals 1-31 this JVM found ignored (read now, before renacer sets up its own signal handling,
     * which must not reach the command) and an empty mask.
     */
    static void signals(Tracer.Builder builder) {
        Long ignored = mask(System.getProperty(IGNORED_SIGNALS_PROPERTY));
        Long blocked = mask(System.getProperty(BLOCKED_SIGNALS_PROPERTY));
        if (ignored != null && blocked != null) {
            builder.inheritedSignals(ignored, blocked);
            return;
        }
        Long own = ownIgnoredSignals();
        if (own != null) builder.inheritedSignals(own & 0x7fffffffL, 0); // 32 and up: the JVM's, not the caller's
    }

    private static Long ownIgnoredSignals() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) return mask(line.substring(7));
            }
        } catch (java.io.IOException e) {
            // not known: the trampoline's defaults apply
        }
        return null;
    }

    /** "3,7,10" as set by the launcher; anything that is not a descriptor above 2 is left out. */
    static int[] inheritedDescriptors(String list) {
        return descriptors(list, 3, 999_999_999);
    }

    private static int[] descriptors(String list, int min, int max) {
        if (list == null || list.isBlank()) return new int[0];
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(t -> t.matches("[0-9]{1,9}"))
                .mapToInt(Integer::parseInt)
                .filter(fd -> fd >= min && fd <= max)
                .distinct()
                .toArray();
    }

    /** A 16-digit hex mask as /proc prints it; null when absent or malformed. */
    static Long mask(String hex) {
        if (hex == null || !hex.trim().matches("[0-9a-fA-F]{1,16}")) return null;
        return Long.parseUnsignedLong(hex.trim(), 16);
    }
}
