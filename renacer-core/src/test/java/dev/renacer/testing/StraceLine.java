package dev.renacer.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of strace (or renacer) text output, parsed into what the tests compare: the task, the
 * syscall name, and the result with addresses and pids taken out.
 */
public record StraceLine(int pid, String name, String result) {
    private static final Pattern CALL = Pattern.compile("^(?:\\[pid\\s+(\\d+)\\] |(\\d+) +)?([a-z0-9_]+)\\(.*\\)\\s+= (.*)$");
    private static final Pattern RESUMED = Pattern.compile("^(?:\\[pid\\s+(\\d+)\\] |(\\d+) +)?<\\.\\.\\. ([a-z0-9_]+) resumed>.*\\)\\s+= (.*)$");

    /** The call lines of a trace (unfinished/resumed pairs joined at the resumed line); null for others. */
    public static StraceLine parse(String line) {
        Matcher m = RESUMED.matcher(line);
        if (!m.matches()) {
            m = CALL.matcher(line);
            if (!m.matches()) return null;
        }
        String pid = m.group(1) != null ? m.group(1) : m.group(2);
        return new StraceLine(pid == null ? 0 : Integer.parseInt(pid), m.group(3), normalise(m.group(3), m.group(4)));
    }

    /** "3" stays; "-1 ENOENT (No such...)" becomes "-1 ENOENT"; "? ERESTARTNOINTR (To be...)" becomes "? ERESTARTNOINTR"; addresses, pids and timings become "*". */
    public static String normalise(String name, String result) {
        String r = result.replaceAll("\\s+<[0-9.]+>$", "");
        if (r.startsWith("? ERESTART")) return "? " + r.split(" ")[1];
        if (r.startsWith("?")) return "?";
        if (r.startsWith("-1 ")) {
            String[] parts = r.split(" ");
            return "-1 " + parts[1];
        }
        if (r.startsWith("0x") || PID_RESULTS.matcher(name).matches()) return "*";
        int space = r.indexOf(' ');
        return space < 0 ? r : r.substring(0, space);
    }

    /** Calls whose result is a pid, tid or otherwise differs from run to run (rt_sigreturn returns what the interrupted call had). */
    private static final Pattern PID_RESULTS = Pattern.compile(
            "getpid|gettid|getppid|fork|vfork|clone|clone3|wait4|waitid|set_tid_address|getrandom|time|times|brk|mmap|mremap|sysinfo|rt_sigreturn");
}
