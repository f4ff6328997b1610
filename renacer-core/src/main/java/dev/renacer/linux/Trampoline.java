package dev.renacer.linux;

import java.io.IOException;

/**
 * The launch trampoline (src/main/c/renacer-exec.c), executed from sealed memory ({@link ShippedBinary}).
 * Why a C helper and not a shell: the target must get exactly the argv[0] the user typed and exactly
 * renacer's environment. dash cannot set argv[0]; bash's {@code exec -a} can, but bash adds PWD and
 * SHLVL when they are missing and reorders the environment (measured: {@code env -i FOO=1 bash -c
 * 'exec -a x /usr/bin/env'} prints PWD=, FOO=1, SHLVL=0).
 */
public final class Trampoline {
    static final String NAME = "renacer-exec";

    private Trampoline() {}

    /** Path to execute the trampoline by: {@code /proc/self/fd/N}, or a file in this run's private directory. */
    public static String path() throws IOException {
        return ShippedBinary.path(NAME);
    }
}
