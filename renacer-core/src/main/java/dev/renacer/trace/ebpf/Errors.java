package dev.renacer.trace.ebpf;

import dev.renacer.syscall.Errno;

/** What the kernel's answers to bpf(2) mean for a user of --backend ebpf, in one line each. */
final class Errors {
    private static final int EPERM = 1, ENOENT = 2, E2BIG = 7, ENOMEM = 12, EACCES = 13, EINVAL = 22, ENOSYS = 38,
            EOPNOTSUPP = 95;

    private Errors() {}

    /** "EPERM (Operation not permitted)". */
    static String name(int errno) {
        return Errno.name(errno) + " (" + Errno.message(errno) + ")";
    }

    /** bpf_object__load failed with {@code errno}. */
    static String loadFailure(int errno) {
        String why = switch (errno) {
            case EPERM, EACCES -> "the kernel refused to load the BPF programs (root, or CAP_BPF with CAP_PERFMON, is needed;"
                    + " a kernel lockdown or an LSM policy can forbid it even then)";
            case ENOSYS -> "this kernel has no bpf(2) (CONFIG_BPF_SYSCALL)";
            case ENOENT, EOPNOTSUPP -> "this kernel lacks what the programs need (BTF raw tracepoints, task storage, ring"
                    + " buffers: Linux 5.11 or later with CONFIG_DEBUG_INFO_BTF)";
            case ENOMEM, E2BIG -> "not enough locked memory for the maps (a smaller --ebpf-buffer-size helps)";
            case EINVAL -> "the kernel rejected the programs (the verifier or a map definition)";
            default -> "loading the BPF programs failed";
        };
        return "--backend ebpf: " + why + ": " + name(errno);
    }
}
