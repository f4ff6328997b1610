package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.renacer.testing.Shell.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signals sent to renacer itself, handled as strace 6.1 handles them (-I): an interrupt lets go of
 * every tracee and then renacer dies by that signal; with -o FILE and a command they are ignored; a
 * command killed by a signal makes renacer die by the same signal. Exit statuses are read with perl's
 * wait status, which tells a death by signal N from an exit with 128+N (Java's Process cannot).
 */
class SignalsToRenacerIT {
    private static final String JAVA = quote(Path.of(System.getProperty("java.home"), "bin", "java"));
    private static final String RENACER = JAVA + " -jar " + quote(Fixtures.renacerJar());

    /** Runs {@code script} with sh; "SIGNAL CODE" of its wait status, as perl's $? gives them. */
    private static String waitStatus(String script) throws Exception {
        Shell.Result r = Shell.run("perl -e 'system(\"/bin/sh\", \"-c\", $ARGV[0]); printf \"%d %d\\n\", $? & 127, $? >> 8' "
                + quote(script));
        return r.out().lines().reduce((a, b) -> b).orElse("") ;
    }

    @Test
    void aCommandKilledByASignalMakesRenacerDieByItAsStraceDoes() throws Exception {
        String killed = quote(Fixtures.path("killed"));
        assertThat(waitStatus("exec strace -o /dev/null " + killed + " 15")).isEqualTo("15 0");
        assertThat(waitStatus("exec " + RENACER + " -o /dev/null " + killed + " 15")).isEqualTo("15 0");
        assertThat(waitStatus("exec " + RENACER + " -o /dev/null " + killed + " 9")).isEqualTo("9 0");
        assertThat(waitStatus("exec " + RENACER + " -o /dev/null " + quote(Fixtures.path("exit_status")) + " 42")).isEqualTo("0 42");
    }

    @Test
    void withOutputToAFileTheCommandRunsToItsEndWhateverRenacerIsSent(@TempDir Path tmp) throws Exception {
        // strace's -I3 default for -o FILE CMD: fatal signals are ignored
        Path trace = tmp.resolve("trace");
        String run = RENACER + " -o " + quote(trace) + " " + quote(Fixtures.path("sleeper")) + " 20";
        // signalled once it traces (its handling is set up by then: before, the JVM's defaults apply)
        assertThat(waitStatus(run + " & r=$!; until grep -q getppid " + quote(trace) + "; do sleep 0.1; done;"
                + " kill -TERM $r; kill -INT $r; kill -HUP $r; wait $r")).isEqualTo("0 0");
        assertThat(Files.readAllLines(trace)).last().isEqualTo("+++ exited with 0 +++");
        // -I2 makes the same run interruptible: the command gets the signal too, renacer dies by it
        String interruptible = RENACER + " -I2 -o " + quote(trace) + " " + quote(Fixtures.path("sleeper")) + " 600";
        assertThat(waitStatus(interruptible + " & r=$!; until grep -q getppid " + quote(trace) + "; do sleep 0.1; done;"
                + " kill -TERM $r; wait $r; exit $?")).isEqualTo("0 143"); // sh reports the death as 143
    }

    @Test
    void anInterruptedAttachLetsGoAndDiesByTheSignalEvenIfItWasIgnoredAtStart(@TempDir Path tmp) throws Exception {
        // a background job of a script starts with SIGINT ignored; strace installs its handler anyway
        Process sleeper = new ProcessBuilder(Fixtures.path("sleeper"), "stdin").start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sleeper.getInputStream()));
        long pid = Long.parseLong(out.readLine().trim());
        try {
            Path err = tmp.resolve("err");
            for (String tracer : List.of("strace", RENACER)) {
                Files.deleteIfExists(err);
                String script = "trap '' INT; " + tracer + " -o /dev/null -p " + pid + " 2>" + quote(err) + " & r=$!;"
                        + " until grep -q attached " + quote(err) + "; do sleep 0.1; done; kill -INT $r;"
                        + " wait $r; echo $?";
                Shell.Result r = Shell.run(script);
                assertThat(r.out().strip()).as(tracer).isEqualTo("130");
                assertThat(Files.readString(err)).as(tracer).contains("Process " + pid + " detached");
                assertThat(tracerOf(pid)).as(tracer).isZero();
            }
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.getOutputStream().close();
            sleeper.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anInterruptAfterTheLaunchedCommandEndedLetsGoOfItsChildren(@TempDir Path tmp) throws Exception {
        // -f: sh starts a background sleeper and exits; SIGINT to renacer then detaches the sleeper and
        // renacer ends, as strace does, instead of waiting for the sleeper
        Path err = tmp.resolve("err");
        Process renacer = Renacer.start(List.of("-f", "-I2", "-o", tmp.resolve("trace").toString(), "--", "sh", "-c",
                quote(Fixtures.path("sleeper")) + " 600 & exit 0"), Map.of(), err);
        BufferedReader out = new BufferedReader(new InputStreamReader(renacer.getInputStream()));
        long child = Long.parseLong(out.readLine().trim());
        try {
            assertThat(Renacer.awaitText(tmp.resolve("trace"), "+++ exited with 0 +++")).as("sh ended").isTrue();
            Shell.run("kill -INT " + renacer.pid());
            assertThat(renacer.waitFor(60, TimeUnit.SECONDS)).as("renacer ended").isTrue();
            assertThat(renacer.exitValue()).isEqualTo(128 + 2);
            // -o FILE with a command implies -q, as in strace 6.1, which says nothing here either
            // (strace -f -I2 -o T -- sh -c 'sleep 600 & exit 0', then SIGINT: stderr empty, exit 130)
            assertThat(Files.readString(err)).doesNotContain("Process " + child + " detached");
            assertThat(ProcessHandle.of(child)).isPresent();
            assertThat(tracerOf(child)).isZero();
        } finally {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aBadInterruptibleModeIsRefused() throws Exception {
        Renacer.Run run = Renacer.run(List.of("-I", "5", "true"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).containsExactly("renacer: invalid -I argument: '5'");
    }

    private static long tracerOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("TracerPid:")) return Long.parseLong(line.substring(10).trim());
        }
        return -1;
    }
}
