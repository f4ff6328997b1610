package dev.renacer.filter;

import dev.renacer.syscall.SyscallClass;
import dev.renacer.syscall.SyscallTable;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled {@code -e trace=} expression: one boolean per syscall number, so {@link #traces(int)} is
 * an array read. The language and its error messages follow strace 6.1 (filter_qualify.c):
 * <ul>
 *   <li>a comma list of tokens, each a name, a number, a class ({@code %file}; the older spellings
 *       {@code file}, {@code network}... too), {@code /regex} (a POSIX-style search over names, no closing
 *       slash), or {@code all}; a leading {@code ?} makes a token that selects nothing acceptable;</li>
 *   <li>each leading {@code !} of the whole expression inverts it; {@code none} selects nothing.</li>
 * </ul>
 * Two extensions, both to forms strace 6.1 rejects (so no strace expression changes meaning):
 * <ul>
 *   <li>{@code !TOKEN} after the first token removes what TOKEN selects: {@code file,!close} is the file
 *       class without close (strace: "invalid system call '!close'");</li>
 *   <li>{@code /regex/} with a closing slash is the regex without it (strace takes the slash as part of
 *       the regex, which then matches no name).</li>
 * </ul>
 */
public final class TraceFilter {
    /** Numbers above the table (or negative) are traced exactly when the expression is inverted, as in strace. */
    private final boolean[] selected;
    private final boolean others;

    private TraceFilter(boolean[] selected, boolean others) {
        this.selected = selected;
        this.others = others;
    }

    /** Everything traced (no -e trace=). */
    public static TraceFilter all() {
        boolean[] selected = new boolean[SyscallTable.size()];
        Arrays.fill(selected, true);
        return new TraceFilter(selected, true);
    }

    /**
     * Parses a -e trace= specification ("open,close", "%file", "/^mmap", "!write", "?nosuch,read").
     *
     * @throws FilterException naming the bad token, in strace's words
     */
    public static TraceFilter parse(String spec) {
        boolean inverted = false;
        int start = 0;
        while (start < spec.length() && spec.charAt(start) == '!') {
            inverted = !inverted;
            start++;
        }
        String body = spec.substring(start);
        boolean[] selected = new boolean[SyscallTable.size()];
        boolean others = inverted;
        if (body.equals("all")) {
            // As strace's "all" is "!none": numbers beyond the table are selected too.
            Arrays.fill(selected, true);
            others = !inverted;
        } else if (!body.equals("none")) {
            boolean any = false;
            boolean[] removed = new boolean[SyscallTable.size()];
            for (String token : body.split(",")) {
                if (token.isEmpty()) continue; // strace's strtok skips empty fields
                any = true;
                boolean subtract = token.startsWith("!") && token.length() > 1;
                boolean ok = subtract ? select(token.substring(1), removed) : select(token, selected);
                if (!ok) throw new FilterException("invalid system call '" + token + "'");
            }
            if (!any) throw new FilterException("invalid system call '" + spec + "'");
            for (int i = 0; i < selected.length; i++) if (removed[i]) selected[i] = false;
        }
        if (inverted) {
            for (int i = 0; i < selected.length; i++) selected[i] = !selected[i];
        }
        return new TraceFilter(selected, others);
    }

    /** True when calls with this number are traced. Hot path: one bounds check and an array read. */
    public boolean traces(int syscallNumber) {
        return syscallNumber >= 0 && syscallNumber < selected.length ? selected[syscallNumber] : others;
    }

    /** Adds what one token selects; false when it selects nothing and is not marked with '?'. */
    private static boolean select(String token, boolean[] selected) {
        boolean optional = false;
        int at = 0;
        while (at < token.length() && token.charAt(at) == '?') {
            optional = true;
            at++;
        }
        String t = token.substring(at);
        boolean found;
        if (!t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '9') found = selectNumber(t, selected);
        else if (t.startsWith("/")) found = selectRegex(t.length() > 2 && t.endsWith("/") ? t.substring(1, t.length() - 1) : t.substring(1), selected);
        else found = selectClass(t, selected) || selectName(t, selected);
        return found || optional;
    }

    private static boolean selectNumber(String t, boolean[] selected) {
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        if (t.length() > 9) return false;
        int n = Integer.parseInt(t);
        if (n >= selected.length) return false;
        selected[n] = true;
        return true;
    }

    private static boolean selectRegex(String regex, boolean[] selected) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new FilterException("regcomp: " + regex + ": " + e.getDescription());
        }
        boolean found = false;
        Matcher matcher = pattern.matcher("");
        for (int n = 0; n < selected.length; n++) {
            if (!SyscallTable.known(n)) continue;
            if (matcher.reset(SyscallTable.name(n)).find()) {
                selected[n] = true;
                found = true;
            }
        }
        return found;
    }

    private static boolean selectName(String name, boolean[] selected) {
        int n = SyscallTable.number(name);
        if (n < 0) return false;
        selected[n] = true;
        return true;
    }

    private static boolean selectClass(String token, boolean[] selected) {
        if (token.equals("all")) {
            Arrays.fill(selected, true);
            return true;
        }
        SyscallClass syscallClass = ClassNames.lookup(token);
        if (syscallClass == null) return false;
        for (int n = 0; n < selected.length; n++) {
            if (SyscallTable.inClass(n, syscallClass)) selected[n] = true;
        }
        return true;
    }
}
