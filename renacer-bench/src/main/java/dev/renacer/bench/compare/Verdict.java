package dev.renacer.bench.compare;

/** Criterion.rs's four sentences, chosen as Criterion chooses them. */
public enum Verdict {
    REGRESSED("Performance has regressed."),
    IMPROVED("Performance has improved."),
    NO_CHANGE("No change in performance detected."),
    WITHIN_NOISE("Change within noise threshold.");

    private final String sentence;

    Verdict(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }

    /**
     * Not significant: no change. Significant: regressed or improved when the whole interval of the
     * relative change lies beyond +noise or -noise, else within the noise threshold.
     */
    public static Verdict of(double pValue, double significance, Estimate change, double noise) {
        if (!(pValue < significance)) return NO_CHANGE;
        if (change.lower() > noise && change.upper() > noise) return REGRESSED;
        if (change.lower() < -noise && change.upper() < -noise) return IMPROVED;
        return WITHIN_NOISE;
    }
}
