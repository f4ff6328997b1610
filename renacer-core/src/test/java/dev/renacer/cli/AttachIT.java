package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** -p: attach, detach on SIGTERM/SIGINT leaving the process running; launched commands die with renacer. */
class AttachIT {

    // The sleepers here run until the test closes their stdin ("sleeper stdin"): a fixed lifetime
    // would race with renacer's start-up on a loaded machine.

    @Test
    void detachedProcessRunsToItsNormalEnd() throws Exception {
        Process sleeper = sleeper(List.of());
        BufferedReader out = new BufferedReader(new InputStreamReader(sleeper.getInputStream()));
        int pid = Integer.parseInt(out.readLine().trim());

        Path err = Files.createTempFile("renacer", ".err");
        Path trace = Files.createTempFile("renacer", ".trace");
        // the trace in its own file: on a shared stderr, strace-style partial lines and notices interleave
        Process renacer = Renacer.start(List.of("-f", "-o", trace.toString(), "-p", String.valueOf(pid)), Map.of(), err);
        assertThat(Renacer.awaitLine(err, "renacer: Process " + pid + " attached")).isTrue();
        // TracerPid is the tid of renacer's tracer thread
        assertThat(Path.of("/proc", String.valueOf(renacer.pid()), "task", String.valueOf(tracerOf(pid)))).exists();

        assertThat(Renacer.awaitText(trace, "getppid()")).as("the attached sleeper's calls are traced").isTrue();

        renacer.destroy(); // SIGTERM
        assertThat(renacer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(renacer.exitValue()).as("it let go, then died by SIGTERM, as strace does").isEqualTo(128 + 15);
        assertThat(Files.readAllLines(err)).contains("renacer: Process " + pid + " detached");
        assertThat(tracerOf(pid)).isZero();

        sleeper.getOutputStream().close(); // the sleeper's normal end
        assertThat(sleeper.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sleeper.exitValue()).isZero();
        assertThat(out.readLine()).isEqualTo("sleeper: done");
    }

    @Test
    void oneBadPidDoesNotStopTheOthers() throws Exception {
        Process sleeper = sleeper(List.of());
        BufferedReader out = new BufferedReader(new InputStreamReader(sleeper.getInputStream()));
        int pid = Integer.parseInt(out.readLine().trim());

        Path err = Files.createTempFile("renacer", ".err");
        Process renacer = Renacer.start(List.of("-p", "999999999," + pid), Map.of(), err);
        assertThat(Renacer.awaitLine(err, "renacer: Process " + pid + " attached")).isTrue();
        sleeper.getOutputStream().close();
        assertThat(renacer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(renacer.exitValue()).isZero();
        assertThat(Files.readString(err)).contains("999999999").contains("No such process")
                .contains("+++ exited with 0 +++");
        assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.readLine()).isEqualTo("sleeper: done");
    }

    @Test
    void pidTracedByAnotherTracerIsNamedWithEpermAndTheOthersAreTraced() throws Exception {
        // a process already under ptrace cannot be seized again: the kernel answers EPERM
        Process traced = sleeper(List.of("strace", "-o", "/dev/null"));
        BufferedReader tracedOut = new BufferedReader(new InputStreamReader(traced.getInputStream()));
        int tracedPid = Integer.parseInt(tracedOut.readLine().trim());
        Process free = sleeper(List.of());
        BufferedReader freeOut = new BufferedReader(new InputStreamReader(free.getInputStream()));
        int freePid = Integer.parseInt(freeOut.readLine().trim());

        Path err = Files.createTempFile("renacer", ".err");
        Process renacer = Renacer.start(List.of("-p", tracedPid + "," + freePid), Map.of(), err);
        assertThat(Renacer.awaitLine(err, "renacer: Process " + freePid + " attached")).isTrue();
        traced.getOutputStream().close();
        free.getOutputStream().close();
        assertThat(renacer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(renacer.exitValue()).isZero();
        assertThat(Files.readString(err)).contains("ptrace(PTRACE_SEIZE, " + tracedPid + "): Operation not permitted")
                .contains("+++ exited with 0 +++");
        assertThat(traced.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tracedOut.readLine()).isEqualTo("sleeper: done");
        assertThat(free.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(freeOut.readLine()).isEqualTo("sleeper: done");
    }

    /** A sleeper (behind {@code prefix}, e.g. another tracer) that runs until its stdin is closed. */
    private static Process sleeper(List<String> prefix) throws Exception {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.add(Fixtures.path("sleeper"));
        command.add("stdin");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void launchedCommandIsKilledWhenRenacerDies() throws Exception {
        Process renacer = Renacer.start(List.of("--", Fixtures.path("sleeper"), "600"), Map.of());
        BufferedReader out = new BufferedReader(new InputStreamReader(renacer.getInputStream()));
        long pid = Long.parseLong(out.readLine().trim());
        assertThat(ProcessHandle.of(pid)).isPresent();

        renacer.destroyForcibly(); // SIGKILL: no handler runs, PTRACE_O_EXITKILL does the work
        renacer.waitFor(30, TimeUnit.SECONDS);
        for (int i = 0; i < 100 && isAlive(pid); i++) Thread.sleep(50);
        assertThat(isAlive(pid)).as("traced sleeper %d still alive", pid).isFalse();
    }

    @Test
    void sigtermToRenacerIsPassedToTheLaunchedCommand() throws Exception {
        Process renacer = Renacer.start(List.of("--", Fixtures.path("sleeper"), "600"), Map.of());
        BufferedReader out = new BufferedReader(new InputStreamReader(renacer.getInputStream()));
        long pid = Long.parseLong(out.readLine().trim());
        renacer.destroy();
        assertThat(renacer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(renacer.exitValue()).isEqualTo(128 + 15);
        assertThat(isAlive(pid)).isFalse();
    }

    private static boolean isAlive(long pid) throws Exception {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) return false;
        String s = Files.readString(stat);
        char state = s.charAt(s.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    private static long tracerOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("TracerPid:")) return Long.parseLong(line.substring(10).trim());
        }
        return -1;
    }
}
