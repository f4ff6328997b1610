package dev.renacer.bench;

import dev.renacer.bench.compare.JmhResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a user names on the command line, turned into JMH include patterns: a suite
 * ({@code syscall_overhead}) selects its class, {@code SUITE.BENCH} one method ({@code native}
 * finds {@code native_}, since native is a Java keyword); any other word is left as the JMH regex it is.
 */
final class Selection {
    static final List<String> SUITES = List.of("syscall_overhead", "otlp_export", "memory_pool");

    private Selection() {}

    /** The arguments with every suite or SUITE.BENCH word replaced by its anchored regex. */
    static List<String> translate(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) out.add(toRegex(a));
        return out;
    }

    static String toRegex(String word) {
        String prefix = Pattern.quote(JmhResult.SUITES_PACKAGE);
        if (SUITES.contains(word)) return "^" + prefix + Pattern.quote(word) + "\\.";
        int dot = word.indexOf('.');
        if (dot > 0 && SUITES.contains(word.substring(0, dot))) {
            String bench = word.substring(dot + 1);
            if (bench.matches("[A-Za-z0-9_]+")) {
                return "^" + prefix + Pattern.quote(word.substring(0, dot)) + "\\.(" + bench + "|" + bench + "_)$";
            }
        }
        return word;
    }
}
