package dev.renacer.trace.ebpf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Renacer;
import dev.renacer.testing.Strace;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.renacer.trace.ebpf.EbpfBackendIT.command;
import static dev.renacer.trace.ebpf.EbpfBackendIT.concat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * --backend ebpf around the trace: attaching never stops the process and detaching leaves it running; a
 * full ring buffer loses records and says so; privilege and kernel errors are one line and start nothing;
 * programs, links and maps are gone from the kernel after renacer exits, and after it is SIGKILLed.
 */
class EbpfLifecycleIT {
    private static final List<String> EBPF = List.of("--backend", "ebpf");
    private static final Pattern PROG = Pattern.compile("^(\\d+): \\S+\\s+name (renacer_\\w+)");

    @Test
    void attachTracesWithoutStoppingAndDetachLeavesTheProcessRunning() throws Exception {
        Process sleeper = new ProcessBuilder(Fixtures.path("sleeper"), "stdin").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sleeper.getInputStream()));
        int pid = Integer.parseInt(out.readLine().trim());
        Path err = Renacer.tempFile(".err");
        Path trace = Renacer.tempFile(".trace");
        Process renacer = Renacer.start(concat(EBPF, List.of("-o", trace.toString(), "-p", String.valueOf(pid))), Map.of(), err);
        assertThat(Renacer.awaitLine(err, "renacer: Process " + pid + " attached")).isTrue();
        assertThat(Renacer.awaitText(trace, "getppid()")).as("the attached sleeper's calls are traced").isTrue();
        assertThat(status(pid, "TracerPid")).as("no ptrace involved").isEqualTo("0");
        assertThat(status(pid, "State")).doesNotStartWith("T");

        renacer.destroy(); // SIGTERM: detach
        assertThat(renacer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(renacer.exitValue()).as("it let go, then died by SIGTERM, as strace does").isEqualTo(128 + 15);
        assertThat(Files.readAllLines(err)).contains("renacer: Process " + pid + " detached");
        assertThat(sleeper.isAlive()).isTrue();
        long linesAtDetach = Files.readAllLines(trace).size();
        Thread.sleep(300);
        assertThat(Files.readAllLines(trace)).as("nothing traced after the detach").hasSize((int) linesAtDetach);

        sleeper.getOutputStream().close(); // its normal end
        assertThat(sleeper.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sleeper.exitValue()).isZero();
        assertThat(out.readLine()).isEqualTo("sleeper: done");
    }

    @Test
    void aTinyRingBufferLosesRecordsSaysSoAndKeepsExactCounts() throws Exception {
        List<String> command = command("syscall_heavy 3000");
        Path json = Renacer.tempFile(".json");
        Path spans = Renacer.tempFile(".jsonl");
        Renacer.Run run = Renacer.run(concat(EBPF, concat(List.of("--ebpf-buffer-size", "4K", "-C", "--format", "json",
                "-o", json.toString(), "--otlp-file", spans.toString(), "--"), command)));
        assertThat(run.exitCode()).isZero();
        Matcher lost = Pattern.compile("renacer: (\\d+) eBPF records lost: the 4 KiB ring buffer was full").matcher(run.stderr());
        assertThat(lost.find()).as(run.stderr()).isTrue();
        long reported = Long.parseLong(lost.group(1));
        assertThat(reported).isPositive();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("events_lost").asLong()).isEqualTo(reported);
        assertThat(Files.readString(spans)).as("the OTLP process span carries the loss")
                .contains("\"key\":\"renacer.events_lost\",\"value\":{\"intValue\":\"" + reported + "\"}");
        assertThat(doc.get("events").size()).as("some events got through, not all").isPositive()
                .isLessThan((int) doc.get("summary").get("calls").asLong());
        Map<String, String> strace = Strace.summaryTable(Strace.run(List.of("-c"), command).lines());
        Map<String, String> counts = new java.util.TreeMap<>();
        for (JsonNode row : doc.get("summary").get("syscalls")) {
            counts.put(row.get("syscall").asText(), row.get("calls").asLong() + "/" + row.get("errors").asLong());
        }
        assertThat(counts).as("counts are made in the kernel, whatever the ring lost").isEqualTo(strace);
    }

    @Test
    void withoutPrivilegeOneLineExitOneAndNothingStarted() throws Exception {
        Path marker = Path.of(Files.createTempDirectory("renacer-unprivileged").toString(), "ran");
        marker.getParent().toFile().setWritable(true, false);
        List<String> argv = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
                javaPath(), "-jar", Fixtures.renacerJar().toString(), "--backend", "ebpf", "-c", "--", "/usr/bin/touch",
                marker.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output.lines().toList()).containsExactly("renacer: --backend ebpf needs root, or CAP_BPF and CAP_PERFMON,"
                + " which this process has not (run it as root, or use --backend ptrace)");
        assertThat(marker).as("the command was not started").doesNotExist();
    }

    @Test
    void aKernelWithoutBtfOrLockedDownIsNamed() throws Exception {
        Path lockdown = Files.createTempFile("lockdown", "");
        Files.writeString(lockdown, "none integrity [confidentiality]\n");
        Renacer.Run noBtf = Renacer.run(List.of("--backend", "ebpf", "-c", "--", "true"), Map.of("JAVA_TOOL_OPTIONS",
                "-Drenacer.ebpf.btf=/nonexistent/vmlinux"));
        assertThat(noBtf.exitCode()).isEqualTo(1);
        assertThat(noBtf.stderrLines()).contains("renacer: --backend ebpf needs a kernel with BTF: /nonexistent/vmlinux is missing"
                + " (CONFIG_DEBUG_INFO_BTF); use --backend ptrace");
        Renacer.Run locked = Renacer.run(List.of("--backend", "ebpf", "-c", "--", "true"), Map.of("JAVA_TOOL_OPTIONS",
                "-Drenacer.ebpf.lockdown=" + lockdown));
        assertThat(locked.exitCode()).isEqualTo(1);
        assertThat(locked.stderrLines()).contains("renacer: --backend ebpf: the kernel is locked down (" + lockdown
                + ": confidentiality), which forbids BPF tracing; use --backend ptrace");
    }

    @Test
    void badBackendOptionsAreUsageErrors() throws Exception {
        Renacer.Run unknown = Renacer.run(List.of("--backend", "dtrace", "true"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderrLines()).containsExactly("renacer: unknown --backend 'dtrace': use ptrace or ebpf");
        Renacer.Run size = Renacer.run(List.of("--backend", "ebpf", "--ebpf-buffer-size", "5000", "true"));
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.stderrLines()).containsExactly("renacer: invalid --ebpf-buffer-size '5000': a power of two from 4K to 256M");
    }

    @Test
    void programsAndMapsAreReleasedAtExit() throws Exception {
        Traced run = startTracedSleeper();
        assertThat(run.renacer().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.renacer().exitValue()).isZero();
        assertGone(run.loaded());
    }

    @Test
    void programsAndMapsAreReleasedWhenRenacerIsKilled() throws Exception {
        Traced run = startTracedSleeper();
        run.renacer().destroyForcibly(); // SIGKILL: no code of renacer runs; the kernel closes its descriptors
        assertThat(run.renacer().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertGone(run.loaded());
    }

    private record Traced(Process renacer, Loaded loaded) {}

    /** renacer tracing a 3-second sleeper, once its programs are attached. */
    private static Traced startTracedSleeper() throws Exception {
        Set<String> before = programIds();
        Process renacer = Renacer.start(concat(EBPF, List.of("-o", "/dev/null", "--", Fixtures.path("sleeper"), "30")),
                Map.of(), Renacer.tempFile(".err"));
        return new Traced(renacer, awaitPrograms(before));
    }

    /** A run's programs and the maps they use, by kernel id. */
    private record Loaded(Set<String> programs, Set<String> maps) {}

    /** Waits until the renacer_* programs not loaded {@code before} are attached. */
    private static Loaded awaitPrograms(Set<String> before) throws Exception {
        for (int i = 0; i < 600; i++) {
            Set<String> now = programIds();
            now.removeAll(before);
            if (now.size() == BpfPrograms.PROGRAMS.size()) {
                Set<String> maps = new HashSet<>();
                for (String id : now) {
                    Matcher m = Pattern.compile("map_ids ([0-9,]+)").matcher(bpftool("prog", "show", "id", id));
                    if (m.find()) maps.addAll(List.of(m.group(1).split(",")));
                }
                assertThat(maps).isNotEmpty();
                return new Loaded(now, maps);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("renacer's programs were never loaded");
    }

    private static void assertGone(Loaded loaded) throws Exception {
        Set<String> programs = new HashSet<>(loaded.programs());
        Set<String> maps = new HashSet<>(loaded.maps());
        for (int i = 0; i < 200 && !(programs.isEmpty() && maps.isEmpty()); i++) {
            // the kernel frees programs and maps after an RCU grace period, not at once
            programs.retainAll(programIds());
            maps.retainAll(mapIds());
            if (!(programs.isEmpty() && maps.isEmpty())) Thread.sleep(50);
        }
        assertThat(programs).as("renacer's programs still loaded").isEmpty();
        assertThat(maps).as("renacer's maps still there").isEmpty();
    }

    /** Ids of the loaded programs called renacer_*, as `bpftool prog list` shows them. */
    private static Set<String> programIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : bpftool("prog", "list").split("\n")) {
            Matcher m = PROG.matcher(line);
            if (m.find()) ids.add(m.group(1));
        }
        return ids;
    }

    private static Set<String> mapIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : bpftool("map", "list").split("\n")) {
            Matcher m = Pattern.compile("^(\\d+): ").matcher(line);
            if (m.find()) ids.add(m.group(1));
        }
        return ids;
    }

    private static String bpftool(String... args) throws Exception {
        List<String> argv = concat(List.of("bpftool"), List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return text;
    }

    private static String status(int pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1).trim();
        }
        return "";
    }

    private static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
