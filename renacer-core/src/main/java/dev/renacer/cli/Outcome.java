package dev.renacer.cli;

/**
 * How renacer ends: with an exit status, or, as strace does, by a signal: the one that killed the
 * launched command (so renacer's parent sees what it would have seen untraced), or the one that
 * interrupted renacer itself.
 *
 * @param exitStatus  the status to exit with (128+N for a signal, for in-process callers and as the fallback)
 * @param dieBySignal the signal to die by, 0 to exit
 */
record Outcome(int exitStatus, int dieBySignal) {
    static Outcome exit(int status) {
        return new Outcome(status, 0);
    }
}
