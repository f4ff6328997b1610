package dev.renacer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What sinks may need to know about the run, handed to the option groups that build them.
 *
 * @param command     the traced command as the user typed it (empty with -p)
 * @param attachPids  the pids given with -p (empty when a command is launched)
 * @param followForks -f
 * @param environment renacer's environment (for OTEL_* variables); tests pass their own
 * @param stdout      where the trace goes when there is no -o
 * @param stderr      where diagnostics and exit summaries go (strace writes its trace there too)
 */
public record RunContext(List<String> command, List<Integer> attachPids, boolean followForks,
                         Map<String, String> environment, PrintStream stdout, PrintStream stderr) {}
