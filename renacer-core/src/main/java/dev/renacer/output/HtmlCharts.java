package dev.renacer.output;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.Function;

/**
 * Horizontal bar charts as inline SVG, so that the report needs no script and no network to be read.
 * One bar per item, longest first as given, labelled on the left and valued on the right.
 */
final class HtmlCharts {
    private static final int WIDTH = 900, LABEL = 170, VALUE = 110, ROW = 24, BAR = 16, TOP = 8;

    private HtmlCharts() {}

    /**
     * @param id       the svg element's id (tests find the chart by it)
     * @param title    the accessible title
     * @param value    the bar's length
     * @param caption  the text at the end of the bar
     * @param cssClass class of the bars (colour)
     */
    static <T> String bars(String id, String title, List<T> items, Function<T, String> label,
                           ToDoubleFunction<T> value, Function<T, String> caption, String cssClass) {
        double max = 0;
        for (T item : items) max = Math.max(max, value.applyAsDouble(item));
        int height = TOP * 2 + ROW * Math.max(1, items.size());
        int barSpace = WIDTH - LABEL - VALUE;
        StringBuilder svg = new StringBuilder(256 + 256 * items.size());
        svg.append("<svg id=\"").append(id).append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
                .append("viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\"><title>").append(Html.escape(title)).append("</title>");
        if (items.isEmpty()) {
            svg.append("<text x=\"").append(LABEL).append("\" y=\"").append(TOP + 16).append("\">no system calls</text>");
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            double v = value.applyAsDouble(item);
            double w = max > 0 ? Math.max(v > 0 ? 1 : 0, v / max * barSpace) : 0;
            int y = TOP + i * ROW;
            svg.append("<g class=\"bar\"><text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\">").append(Html.escape(label.apply(item))).append("</text>")
                    .append("<rect class=\"").append(cssClass).append("\" x=\"").append(LABEL).append("\" y=\"").append(y)
                    .append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"").append(BAR)
                    .append("\" rx=\"3\"><title>").append(Html.escape(label.apply(item) + ": " + caption.apply(item)))
                    .append("</title></rect><text class=\"value\" x=\"")
                    .append(String.format(Locale.ROOT, "%.1f", LABEL + w + 6)).append("\" y=\"").append(y + 13).append("\">")
                    .append(Html.escape(caption.apply(item))).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
