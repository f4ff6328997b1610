package dev.renacer.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.renacer.testing.StraceLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces each format's events to comparable keys, one per text line that reports something:
 * {@code openat(ARGS) = 3} for a call (arguments with run-to-run noise such as addresses, pids and
 * random bytes masked, result normalised as the tracer's own strace comparisons do), {@code --- SIGCHLD}
 * for a signal, {@code +++ exited with 7} or {@code +++ killed by SIGKILL} for an end.
 */
final class TraceKeys {
    private static final Pattern CALL = Pattern.compile("^(?:\\[pid\\s+\\d+\\] |\\d+ +)?([a-z0-9_]+)\\((.*)\\)\\s+= (.*)$");
    private static final Pattern RESUMED = Pattern.compile("^(?:\\[pid\\s+\\d+\\] |\\d+ +)?<\\.\\.\\. ([a-z0-9_]+) resumed>.*\\)\\s+= (.*)$");
    private static final Pattern SIGNAL = Pattern.compile("^(?:\\[pid\\s+\\d+\\] |\\d+ +)?--- (SIG[A-Z0-9]+) .*---$");
    private static final Pattern END = Pattern.compile("^(?:\\[pid\\s+\\d+\\] |\\d+ +)?\\+\\+\\+ (.*) \\+\\+\\+$");

    /** How much of a call goes into its key. */
    enum Mode {
        /** name, arguments and result as written: for formats written from one and the same trace */
        EXACT,
        /** arguments with run-to-run noise masked, result normalised: for separate runs */
        MASKED,
        /** name and normalised result only: for separate runs under -f */
        NAMES
    }

    private TraceKeys() {}

    /** Keys of a text trace; with {@code withArguments} false, calls are keyed by name and result only. */
    static List<String> ofText(List<String> lines, Mode mode) {
        List<String> keys = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if ((m = RESUMED.matcher(line)).matches()) {
                // the arguments of an interrupted call are split over two lines: key it without them
                keys.add(call(m.group(1), null, m.group(2), mode));
            } else if ((m = CALL.matcher(line)).matches()) {
                keys.add(call(m.group(1), m.group(2), m.group(3), mode));
            } else if ((m = SIGNAL.matcher(line)).matches()) {
                keys.add("--- " + m.group(1));
            } else if ((m = END.matcher(line)).matches()) {
                keys.add("+++ " + m.group(1));
            }
        }
        return keys;
    }

    /** Keys of the JSON document's events. */
    static List<String> ofJson(JsonNode events, Mode mode, List<Boolean> interrupted) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        for (JsonNode e : events) {
            switch (e.get("type").asText()) {
                case "syscall" -> keys.add(call(e.get("syscall").asText(),
                        interrupted != null && interrupted.get(i) ? null : e.get("arguments").asText(), e.get("result").asText(), mode));
                case "signal" -> keys.add("--- " + e.get("signal").asText());
                case "exit" -> keys.add("+++ exited with " + e.get("exit_code").asInt());
                case "killed" -> keys.add("+++ killed by " + e.get("signal").asText() + (e.get("core_dumped").asBoolean() ? " (core dumped)" : ""));
                default -> throw new AssertionError("unknown event type " + e);
            }
            i++;
        }
        return keys;
    }

    /** Keys of the CSV rows (header first). */
    static List<String> ofCsv(List<List<String>> rows, Mode mode, List<Boolean> interrupted) {
        List<String> header = rows.get(0);
        int type = header.indexOf("type"), name = header.indexOf("name"), args = header.indexOf("arguments"),
                result = header.indexOf("result");
        List<String> keys = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            switch (r.get(type)) {
                case "syscall" -> keys.add(call(r.get(name),
                        interrupted != null && interrupted.get(i - 1) ? null : r.get(args), r.get(result), mode));
                case "signal" -> keys.add("--- " + r.get(name));
                case "exit", "killed" -> keys.add("+++ " + r.get(result));
                default -> throw new AssertionError("unknown row type " + r);
            }
        }
        return keys;
    }

    /** Which text call lines were resumed ones, in event order (their keys carry no arguments). */
    static List<Boolean> interrupted(List<String> lines) {
        List<Boolean> flags = new ArrayList<>();
        for (String line : lines) {
            if (RESUMED.matcher(line).matches()) flags.add(true);
            else if (CALL.matcher(line).matches() || SIGNAL.matcher(line).matches() || END.matcher(line).matches()) flags.add(false);
        }
        return flags;
    }

    /** {@code args} null: the call was split over unfinished/resumed lines, key it without its arguments. */
    private static String call(String name, String args, String result, Mode mode) {
        if (mode == Mode.EXACT) {
            // -T's " <0.000123>" belongs to the line, not to the result
            return name + "(" + (args == null ? "…" : args) + ") = " + result.replaceFirst(" <\\d+\\.\\d{6}>$", "");
        }
        // rt_sigreturn "returns" whatever the interrupted code had in rax: a pid from wait4 here
        String r = name.equals("rt_sigreturn") ? "*" : StraceLine.normalise(name, result);
        if (mode == Mode.NAMES || args == null || name.equals("getrandom")) return name + "(…) = " + r;
        return name + "(" + mask(args) + ") = " + r;
    }

    /** Addresses, numbers (pids, sizes of temporary names) and escaped bytes change from run to run. */
    static String mask(String args) {
        return args.replaceAll("0x[0-9a-f]+", "0x_").replaceAll("\\\\x[0-9a-f]{2}", "\\\\x_").replaceAll("\\d+", "N");
    }
}
