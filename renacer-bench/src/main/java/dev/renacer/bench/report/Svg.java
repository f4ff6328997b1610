package dev.renacer.bench.report;

import dev.renacer.bench.compare.Bootstrap;
import dev.renacer.bench.compare.CriterionText;
import dev.renacer.bench.compare.Estimate;
import dev.renacer.bench.compare.JmhResult;
import java.util.List;
import java.util.Locale;

/**
 * A strip plot as inline SVG, one row per parameter set of one benchmark method: every raw sample
 * (one per iteration) as a dot, the mean as a tick and its 95% bootstrap interval as an error bar,
 * on one linear time axis shared by the rows. Time per operation, so that right is always slower.
 */
final class Svg {
    static final int WIDTH = 900;
    static final int LABEL = 330;
    static final int ROW = 26;
    static final int AXIS = 30;

    private Svg() {}

    static void stripPlot(StringBuilder html, String method, List<JmhResult> rows) {
        double max = 0;
        for (JmhResult r : rows) for (double v : r.nanosPerOp()) max = Math.max(max, v);
        if (!(max > 0)) return;
        double scale = niceCeiling(max);
        int height = rows.size() * ROW + AXIS;
        html.append("<svg class=\"strip\" data-benchmark=\"").append(Html.escape(method)).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"samples of ").append(Html.escape(method)).append("\">\n");
        for (int i = 0; i < rows.size(); i++) {
            JmhResult r = rows.get(i);
            double[] ns = r.nanosPerOp();
            int y = i * ROW + ROW / 2;
            html.append("<g class=\"row\" data-id=\"").append(Html.escape(r.id())).append("\">");
            html.append("<text x=\"4\" y=\"").append(y + 4).append("\">").append(Html.escape(label(r))).append("</text>");
            html.append("<line class=\"grid\" x1=\"").append(LABEL).append("\" x2=\"").append(WIDTH - 10).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\"/>");
            Estimate mean = Bootstrap.mean(ns, 0.95, 10_000, 3L);
            html.append(String.format(Locale.ROOT, "<line class=\"ci\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>",
                    x(mean.lower(), scale), x(mean.upper(), scale), y, y));
            html.append(String.format(Locale.ROOT, "<line class=\"mean\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>",
                    x(mean.point(), scale), x(mean.point(), scale), y - 8, y + 8));
            for (int s = 0; s < ns.length; s++) {
                double jitter = ((s * 7) % 9 - 4) * 1.2;
                html.append(String.format(Locale.ROOT, "<circle class=\"sample\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", x(ns[s], scale), y + jitter));
            }
            html.append("<title>").append(Html.escape(r.id() + ": " + CriterionText.time(mean.point()))).append("</title></g>\n");
        }
        int axisY = rows.size() * ROW + 4;
        html.append("<g class=\"axis\"><line x1=\"").append(LABEL).append("\" x2=\"").append(WIDTH - 10).append("\" y1=\"").append(axisY)
                .append("\" y2=\"").append(axisY).append("\"/>");
        for (int t = 0; t <= 4; t++) {
            double v = scale * t / 4;
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x(v, scale), axisY + 18,
                    Html.escape(t == 0 ? "0" : CriterionText.time(v))));
        }
        html.append("</g></svg>\n");
    }

    private static String label(JmhResult r) {
        StringBuilder b = new StringBuilder();
        r.params().forEach((k, v) -> {
            if (!k.equals("rounds") || !v.equals("100")) b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v);
        });
        return b.length() == 0 ? r.method() : b.toString();
    }

    private static double x(double nanos, double scale) {
        return LABEL + (WIDTH - 10 - LABEL) * nanos / scale;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}: round axis ends. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * power >= v) return m * power;
        return 10 * power;
    }
}
