package dev.renacer.trace.ebpf;

import dev.renacer.linux.Libbpf;
import dev.renacer.trace.TraceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What --backend ebpf needs, checked before anything is loaded or started, each failure one line
 * (exit 1): the capabilities, the kernel's BTF, no lockdown that forbids BPF tracing, and libbpf.
 * The paths can be pointed elsewhere (system properties {@code renacer.ebpf.btf} and
 * {@code renacer.ebpf.lockdown}) so that tests can show the messages for kernels this machine is not.
 */
final class Preflight {
    static final int CAP_SYS_ADMIN = 21, CAP_PERFMON = 38, CAP_BPF = 39;
    static final Path BTF = Path.of(System.getProperty("renacer.ebpf.btf", "/sys/kernel/btf/vmlinux"));
    static final Path LOCKDOWN = Path.of(System.getProperty("renacer.ebpf.lockdown", "/sys/kernel/security/lockdown"));

    private Preflight() {}

    static void check() throws TraceException {
        long caps = effectiveCapabilities();
        boolean bpf = has(caps, CAP_BPF) && has(caps, CAP_PERFMON);
        if (!bpf && !has(caps, CAP_SYS_ADMIN)) {
            throw new TraceException("--backend ebpf needs root, or CAP_BPF and CAP_PERFMON, which this process has not"
                    + " (run it as root, or use --backend ptrace)");
        }
        if (!Files.isReadable(BTF)) {
            throw new TraceException("--backend ebpf needs a kernel with BTF: " + BTF + " is missing"
                    + " (CONFIG_DEBUG_INFO_BTF); use --backend ptrace");
        }
        String lockdown = lockdownMode();
        if (lockdown.equals("confidentiality")) {
            throw new TraceException("--backend ebpf: the kernel is locked down (" + LOCKDOWN + ": confidentiality),"
                    + " which forbids BPF tracing; use --backend ptrace");
        }
        try {
            Libbpf.ensureLoaded();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new TraceException("--backend ebpf needs libbpf (" + Libbpf.LIBRARY + "; Debian: apt-get install libbpf1)");
        }
    }

    private static boolean has(long caps, int cap) {
        return (caps & (1L << cap)) != 0;
    }

    /** CapEff of /proc/self/status. */
    static long effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("CapEff:")) return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The bracketed mode of the lockdown file ("none", "integrity", "confidentiality"), "none" without one. */
    static String lockdownMode() {
        try {
            String text = Files.readString(LOCKDOWN, StandardCharsets.ISO_8859_1);
            int open = text.indexOf('['), close = text.indexOf(']');
            return open >= 0 && close > open ? text.substring(open + 1, close) : "none";
        } catch (IOException e) {
            return "none";
        }
    }
}
