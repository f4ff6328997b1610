package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines of a task's life that only show when something happens to it, against strace's: a kill
 * while it is in a call, a group-stop, a thread's execve that supersedes its leader.
 */
class TaskLifeAgainstStraceIT {

    @Test
    void aCallCutShortByAKillEndsUnfinishedAsInStrace() throws Exception {
        // cat blocks in read(0, ...) on a pipe nobody writes; then SIGKILL
        assertThat(killedInRead(List.of(Strace.executable(), "-o"))).containsExactly(
                "read(0,  <unfinished ...>)              = ?", "+++ killed by SIGKILL +++");
        assertThat(killedInRead(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Fixtures.renacerJar().toString(), "-o"))).containsExactly(
                "read(0,  <unfinished ...>)              = ?", "+++ killed by SIGKILL +++");
    }

    /** The last two lines of a trace of cat killed while blocked in read, by the tracer given (ending in -o). */
    private static List<String> killedInRead(List<String> tracer) throws Exception {
        Path trace = Files.createTempFile("renacer-killed", ".txt");
        List<String> argv = new ArrayList<>(tracer);
        argv.addAll(List.of(trace.toString(), "--", "cat"));
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // stdin: a pipe the test keeps open
        try {
            assertThat(Renacer.awaitText(trace, "read(0, ")).as("cat reached its read").isTrue();
            ProcessHandle cat = p.toHandle().children().findFirst().orElseThrow();
            cat.destroyForcibly();
            p.waitFor();
            List<String> lines = Files.readAllLines(trace);
            return lines.subList(lines.size() - 2, lines.size());
        } finally {
            p.getOutputStream().close();
            p.destroyForcibly();
            Files.deleteIfExists(trace);
        }
    }

    @Test
    void aGroupStopIsReportedAsStraceReportsIt() throws Exception {
        // stop_cont stops itself with SIGSTOP; a child sends SIGCONT
        List<String> strace = signalLines(Strace.run(List.of("-f"), List.of(Fixtures.path("stop_cont"))).lines());
        List<String> renacer = signalLines(renacerTrace(List.of("-f"), List.of(Fixtures.path("stop_cont"))));
        assertThat(strace).contains("--- stopped by SIGSTOP ---");
        assertThat(renacer).isEqualTo(strace);
    }

    @Test
    void aThreadsExecveSupersedesItsLeaderAsInStrace() throws Exception {
        // the second thread of thread_exec execs while the leader waits for it in futex
        List<String> strace = supersededLines(Strace.run(List.of("-f"), List.of(Fixtures.path("thread_exec"))).lines());
        List<String> renacer = supersededLines(renacerTrace(List.of("-f"), List.of(Fixtures.path("thread_exec"))));
        assertThat(strace).hasSize(3);
        assertThat(renacer).isEqualTo(strace);
    }

    private static List<String> renacerTrace(List<String> options, List<String> command) throws Exception {
        Path trace = Files.createTempFile("renacer-life", ".txt");
        try {
            List<String> args = new ArrayList<>(options);
            args.addAll(List.of("-o", trace.toString(), "--"));
            args.addAll(command);
            assertThat(Renacer.run(args).exitCode()).isZero();
            return Files.readAllLines(trace);
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /** The first process's "--- ... ---" lines, its pid and every pid in them masked. */
    private static List<String> signalLines(List<String> lines) {
        String first = lines.get(0).substring(0, lines.get(0).indexOf(' '));
        return lines.stream().filter(l -> l.startsWith(first + " ") && l.contains(" --- "))
                .map(l -> l.substring(first.length()).strip().replaceAll("si_pid=\\d+", "si_pid=PID")).toList();
    }

    /** From the leader's "<... futex resumed>" to its "<... execve resumed>", pids masked. */
    private static List<String> supersededLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String text = l.substring(l.indexOf(' ')).strip();
            if (text.startsWith("<... futex resumed>") || text.startsWith("+++ superseded") || text.startsWith("<... execve resumed>")) {
                out.add(text.replaceAll("\\d+", "N"));
            }
        }
        return out;
    }
}
