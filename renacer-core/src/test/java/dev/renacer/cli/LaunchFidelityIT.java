package dev.renacer.cli;

import dev.renacer.testing.Fixtures;
import dev.renacer.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.CRC32;

import static dev.renacer.testing.Shell.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a launched command sees is what it sees untraced and under strace, byte for byte, even where
 * the JVM between the user and the command would change it: argv bytes that are not text in the
 * locale, closed standard descriptors, ignored and blocked signals, a stale PWD, the JVM's own
 * perf-data file. And renacer, often root, never runs a file another user could have put in its way.
 */
class LaunchFidelityIT {
    private static final String LAUNCHER = quote(Shell.launcher());
    private static final String JAR = quote(Path.of(System.getProperty("java.home"), "bin", "java")) + " -jar "
            + quote(Fixtures.renacerJar());
    /** bytes that are not UTF-8 (ff fe 80) beside some that are (é) */
    private static final String ODD_ARGUMENT = "\"$(printf '\\377\\376-\\303\\251-\\200')\"";

    @ParameterizedTest
    @ValueSource(strings = {"C.UTF-8", "C"})
    void argumentsReachTheCommandByteForByteWhateverTheLocale(String locale) throws Exception {
        Map<String, String> env = Map.of("LC_ALL", locale);
        Shell.Result untraced = Shell.run("/bin/echo " + ODD_ARGUMENT, env);
        assertThat(untraced.stdout()).hasSize(8);
        assertThat(Shell.run(LAUNCHER + " -o /dev/null -- /bin/echo " + ODD_ARGUMENT, env).stdout()).isEqualTo(untraced.stdout());
        assertThat(Shell.run(JAR + " -o /dev/null -- /bin/echo " + ODD_ARGUMENT, env).stdout()).isEqualTo(untraced.stdout());
    }

    @Test
    void aCommandWhoseNameIsNotTextIsFoundAndTracedAsStraceTracesIt(@TempDir Path dir) throws Exception {
        String name = "\"$(printf 'echo\\377')\"";
        Shell.run("cp /bin/echo " + quote(dir) + "/" + name);
        String path = quote(dir) + "/" + name;
        assertThat(Shell.run(LAUNCHER + " -o /dev/null -- " + path + " hi").out()).isEqualTo("hi\n");
        assertThat(Shell.run("PATH=" + quote(dir) + ":$PATH " + LAUNCHER + " -o /dev/null -- " + name + " hi").out()).isEqualTo("hi\n");
        String renacerFirst = Shell.run(LAUNCHER + " -- " + path + " hi 2>&1 >/dev/null | head -1").out();
        String straceFirst = Shell.run("strace -- " + path + " hi 2>&1 >/dev/null | head -1").out();
        assertThat(maskEnvironment(renacerFirst)).contains("echo\\377\", [\"").isEqualTo(maskEnvironment(straceFirst));
    }

    @Test
    void closedStandardDescriptorsStayClosedForTheCommand() throws Exception {
        Shell.Result untraced = Shell.run("head -c 64 <&-");
        assertThat(untraced.exitCode()).isEqualTo(1);
        assertThat(untraced.err()).contains("Bad file descriptor");
        Shell.Result traced = Shell.run(LAUNCHER + " -o /dev/null -- head -c 64 <&-");
        assertThat(traced.exitCode()).isEqualTo(untraced.exitCode());
        assertThat(traced.stdout()).isEqualTo(untraced.stdout()).isEmpty();
        assertThat(traced.err()).isEqualTo(untraced.err());

        String listing = "ls /proc/self/fd 2>&-";
        String expected = Shell.run(listing).out();
        assertThat(expected).isEqualTo("0\n1\n2\n"); // ls's own directory descriptor takes the free 2
        assertThat(Shell.run(LAUNCHER + " -o /dev/null -- " + listing).out()).isEqualTo(expected);
        assertThat(Shell.run("strace -o /dev/null -- " + listing).out()).isEqualTo(expected);
    }

    @Test
    void ignoredAndBlockedSignalsAreTheCallersAsUnderStrace() throws Exception {
        // perl blocks USR1 and TERM and ignores PIPE and HUP, then execs: the state renacer's caller has
        String caller = "perl -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGUSR1, SIGTERM)) or die;"
                + " $SIG{PIPE} = q(IGNORE); $SIG{HUP} = q(IGNORE); exec @ARGV or die' -- ";
        String status = "grep -E '^Sig(Blk|Ign)' /proc/self/status";
        String untraced = Shell.run(caller + status).out();
        assertThat(untraced).contains("SigBlk:\t0000000000004200");
        long ignored = Long.parseUnsignedLong(untraced.substring(untraced.indexOf("SigIgn:") + 7).trim(), 16);
        assertThat(ignored & 0x1001).isEqualTo(0x1001); // HUP and PIPE (and what the test JVM ignores)
        assertThat(Shell.run(caller + LAUNCHER + " -o /dev/null -- " + status).out()).isEqualTo(untraced);
        assertThat(Shell.run(caller + "strace -o /dev/null -- " + status).out()).isEqualTo(untraced);
    }

    @Test
    void aPipelineUnderAShellThatIgnoresSigpipeReportsItsErrorInsteadOfDying() throws Exception {
        String pipeline = "sh -c 'seq 1000000 | head -1'";
        Shell.Result untraced = Shell.run("trap '' PIPE; " + pipeline);
        assertThat(untraced.out()).isEqualTo("1\n");
        assertThat(untraced.err()).contains("seq: write error: Broken pipe");
        Shell.Result traced = Shell.run("trap '' PIPE; " + LAUNCHER + " -f -o /dev/null -- " + pipeline);
        assertThat(traced.out()).isEqualTo(untraced.out());
        assertThat(traced.err()).isEqualTo(untraced.err());
    }

    @Test
    void theCallersPwdReachesTheCommandEvenWhenItIsStale() throws Exception {
        assertThat(Shell.run("cd /usr && PWD=/tmp printenv PWD").out()).isEqualTo("/tmp\n");
        assertThat(Shell.run("cd /usr && PWD=/tmp " + LAUNCHER + " -o /dev/null -- printenv PWD").out()).isEqualTo("/tmp\n");
    }

    @Test
    void renacersOwnJvmLeavesNoPerfDataFileForTheCommandToSee() throws Exception {
        String look = "sh -c 'ls /tmp/hsperfdata_$(id -un) 2>/dev/null; echo parent=$PPID'";
        String out = Shell.run(LAUNCHER + " -o /dev/null -- " + look).out();
        String parent = out.substring(out.indexOf("parent=") + 7).trim();
        assertThat(parent).matches("[0-9]+");
        assertThat(out.lines()).doesNotContain(parent);
    }

    @Test
    void noFileAnotherUserCouldWriteIsExecutedOrLoaded(@TempDir Path tmp) throws Exception {
        // another user (uid 65534) made renacer's old cache directory and renacer's JNA cache beforehand,
        // open to all, with a "trampoline" of theirs under every name renacer ever used there
        Path marker = tmp.resolve("pwned");
        Path hostile = tmp.resolve("renacer-" + System.getProperty("user.name"));
        Files.createDirectories(hostile);
        String payload = "#!/bin/sh\ntouch " + marker + "\nexec \"$@\"\n";
        for (String name : new String[] {"renacer-exec", "renacer-exec-" + trampolineCrc()}) {
            Files.writeString(hostile.resolve(name), payload);
            Files.setPosixFilePermissions(hostile.resolve(name), PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache);
        for (Path p : new Path[] {hostile, cache}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            Shell.run("chown -R 65534 " + quote(p));
        }
        Shell.Result run = Shell.run(quote(Path.of(System.getProperty("java.home"), "bin", "java")) + " -Djava.io.tmpdir="
                + quote(tmp) + " -jar " + quote(Fixtures.renacerJar()) + " -o /dev/null -- /bin/echo traced",
                Map.of("XDG_CACHE_HOME", cache.toString(), "HOME", cache.toString()));
        assertThat(run.out()).as(run.err()).isEqualTo("traced\n");
        assertThat(marker).doesNotExist();
        try (var left = Files.list(cache)) {
            assertThat(left.toList()).as("JNA's native part went to another user's directory").isEmpty();
        }
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("cache", hostile.getFileName().toString());
        }
    }

    private static String trampolineCrc() throws Exception {
        CRC32 crc = new CRC32();
        try (var in = LaunchFidelityIT.class.getResourceAsStream("/dev/renacer/linux/renacer-exec")) {
            crc.update(in.readAllBytes());
        }
        return Long.toHexString(crc.getValue());
    }

    private static String maskEnvironment(String line) {
        return line.replaceAll("0x[0-9a-f]+ /\\* \\d+ vars \\*/", "ENV");
    }
}
