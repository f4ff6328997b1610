package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.SideBySide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --seccomp-bpf, on by default with -f and a -e trace= subset: the trace is strace --seccomp-bpf's and the same as
 * renacer's with --no-seccomp-bpf (every call stopped at), on fixtures with threads, forks, execs, signals and the
 * i386 ABI; the filter is really there (the traced program's /proc/self/status says so) exactly when strace's is.
 */
class SeccompAgainstStraceIT {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "syscall_heavy 50; -e trace=unlink",
            "syscall_heavy 20; -e trace=openat,close",
            "threads 6; -e trace=write,gettid",
            "fork_exec /bin/echo hi; -e trace=%process",
            "fork_exec /bin/echo hi; -e trace=!write,read,mmap",
            "signals; -e trace=kill,rt_sigreturn,wait4",
            "multi_process 3; -e trace=execve,exit_group,write",
            "i386_abi; -e trace=getpid,gettid,write",
            "syscall_heavy 5; -T -e trace=unlink",
            "syscall_heavy 5; -c -e trace=unlink,write",
    })
    void theFilteredTraceIsStracesAndTheUnfilteredOne(String command, String options) throws Exception {
        List<String> argv = new ArrayList<>(Arrays.asList(command.split(" ")));
        argv.set(0, Fixtures.path(argv.get(0)));
        boolean summary = options.contains("-c");
        // one file per task (-ff): the order of lines between tasks is the scheduler's, not the tracer's
        List<String> flags = new ArrayList<>(List.of(summary ? "-f" : "-ff"));
        flags.addAll(Arrays.asList(options.split(" ")));
        List<String> straceFlags = new ArrayList<>(flags);
        straceFlags.add("--seccomp-bpf");
        List<String> unfiltered = new ArrayList<>(flags);
        unfiltered.add("--no-seccomp-bpf");

        SideBySide.Run strace = SideBySide.strace(straceFlags, argv);
        SideBySide.Run renacer = SideBySide.renacer(flags, argv);
        SideBySide.Run everyStop = SideBySide.renacer(unfiltered, argv);
        assertThat(renacer.exitCode()).isEqualTo(strace.exitCode()).isEqualTo(everyStop.exitCode());
        List<List<String>> expected = traces(strace, summary), actual = traces(renacer, summary), slow = traces(everyStop, summary);
        Set<String> pids = new java.util.HashSet<>();
        for (SideBySide.Run run : List.of(strace, renacer, everyStop)) {
            for (String file : run.files("trace")) pids.add(file.substring("trace.".length()));
        }
        for (int i = 0; i < expected.size() && i < actual.size() && i < slow.size(); i++) {
            pids.addAll(SideBySide.pids(expected.get(i), actual.get(i)));
            pids.addAll(SideBySide.pids(expected.get(i), slow.get(i)));
        }
        assertThat(actual).hasSameSizeAs(expected).hasSameSizeAs(slow);
        for (int i = 0; i < expected.size(); i++) {
            List<String> want = comparable(expected.get(i), pids, summary);
            assertThat(comparable(actual.get(i), pids, summary)).as("task %d", i).isEqualTo(want);
            assertThat(comparable(slow.get(i), pids, summary)).as("task %d, every stop", i).isEqualTo(want);
        }
        assertThat(expected.stream().mapToInt(List::size).sum()).isPositive();
        assertThat(renacer.stderr()).isEqualTo(renacerWords(strace.stderr()));
    }

    private static List<List<String>> traces(SideBySide.Run run, boolean summary) throws java.io.IOException {
        if (summary) return List.of(run.lines("trace"));
        List<List<String>> traces = new ArrayList<>();
        for (String file : run.files("trace")) traces.add(run.lines(file));
        return traces;
    }

    private static String renacerWords(String straceStderr) {
        return straceStderr.replaceAll("(?m)^\\S*strace: ", "renacer: ");
    }

    /** Masked lines; for -c, the call names and counts of the table (times differ from run to run). */
    /**
     * Without the SIGCHLD lines (and the rt_sigreturn of a SIGCHLD handler): where a child's exit falls among its
     * parent's calls (before or after its wait4 returns) is the scheduler's, from run to run under strace as under
     * renacer. Every other signal stays compared.
     */
    private static List<String> withoutChildSignals(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("--- SIGCHLD ")) {
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith("rt_sigreturn(")) i++;
                continue;
            }
            kept.add(lines.get(i));
        }
        return kept;
    }

    private static List<String> comparable(List<String> lines, Set<String> pids, boolean summary) {
        List<String> masked = SideBySide.masked(lines, pids);
        // the JVM that runs the tests blocks SIGQUIT for strace's command, not for renacer's (renacer hands on its caller's mask)
        if (!summary) {
            return withoutChildSignals(masked).stream()
                    .map(l -> l.replaceAll("<\\d+\\.\\d+>", "<T>").replace("mask=[QUIT]", "mask=[]").replaceAll(" +=", " =")).toList();
        }
        return masked.stream().filter(l -> l.matches(" *\\d.*"))
                .map(l -> { String[] f = l.trim().split(" +"); return f[f.length - 1] + " " + f[3]; }).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "-f -e trace=write; 2",      // the default: filtered
            "-f -e trace=write --seccomp-bpf; 2",
            "-f -e trace=write --no-seccomp-bpf; 0",
            "-e trace=write; 0",         // without -f an untraced child would get ENOSYS: no filter
            "-f; 0",                     // every call traced: nothing to filter
            "-f -b execve -e trace=write; 0",
    })
    void theFilterIsInstalledExactlyWhereItIsSafe(String options, String seccompMode) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(options.split(" ")));
        args.addAll(List.of("-o", "/dev/null", "--", "grep", "^Seccomp:", "/proc/self/status"));
        Renacer.Run run = Renacer.run(args);
        assertThat(run.stdout()).isEqualTo("Seccomp:\t" + seccompMode + "\n");
    }

    @Test
    void warningsAreStracesWhereTheFilterCannotApply() throws Exception {
        for (String options : List.of("--seccomp-bpf -e trace=write", "--seccomp-bpf -f", "--seccomp-bpf -f -b execve -e trace=write")) {
            List<String> flags = Arrays.asList(options.split(" "));
            SideBySide.Run strace = SideBySide.strace(flags, List.of("true"));
            SideBySide.Run renacer = SideBySide.renacer(flags, List.of("true"));
            assertThat(renacer.stderr()).as(options).isEqualTo(renacerWords(strace.stderr())).isNotEmpty();
        }
    }
}
