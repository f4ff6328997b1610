package dev.renacer.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of {@code --format}. */
public enum Format {
    TEXT, JSON, CSV, HTML;

    /** The format named {@code text} (any case), or null. */
    public static Format parse(String text) {
        for (Format f : values()) if (f.name().equalsIgnoreCase(text)) return f;
        return null;
    }

    /** "text, json, csv or html", for the message that rejects an unknown one. */
    public static String choices() {
        String all = Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
