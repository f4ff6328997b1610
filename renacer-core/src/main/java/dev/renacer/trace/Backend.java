package dev.renacer.trace;

import java.util.Locale;

/** {@code --backend}: how syscalls are seen. */
public enum Backend {
    /** Two ptrace stops per syscall; decodes everything strace decodes, reading the tracee's memory at each stop. */
    PTRACE,
    /**
     * BPF programs on the sys_enter/sys_exit raw tracepoints; the tracee is never stopped. Counts in the
     * kernel, per-call records through a ring buffer with the memory the decoders need copied in the
     * kernel (see the README for what needs {@link #PTRACE}). Needs root or CAP_BPF with CAP_PERFMON.
     */
    EBPF;

    /** The backend named {@code name} ("ptrace", "ebpf"), or null. */
    public static Backend parse(String name) {
        for (Backend b : values()) if (b.optionName().equals(name)) return b;
        return null;
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
