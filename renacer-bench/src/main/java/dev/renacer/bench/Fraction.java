package dev.renacer.bench;

/** "5%" or "0.05": a threshold as a fraction. A bare number above 1 is refused, being ambiguous. */
final class Fraction {
    private Fraction() {}

    static double parse(String option, String text) {
        try {
            double v = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 : Double.parseDouble(text);
            if (!text.endsWith("%") && v > 1) throw new UsageException(option + " " + text + ": write " + text + "% or " + v / 100);
            if (!(v >= 0 && v < 10)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a percentage such as 5% or a fraction such as 0.05, not '" + text + "'");
        }
    }
}
