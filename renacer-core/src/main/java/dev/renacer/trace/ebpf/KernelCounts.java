package dev.renacer.trace.ebpf;

import com.sun.jna.Memory;
import dev.renacer.linux.Libbpf;
import dev.renacer.trace.TraceException;
import dev.renacer.trace.TraceListener;

import java.io.PrintStream;

/**
 * What the kernel counted: per syscall and CPU (renacer_counts), what it could not record
 * (renacer_losses), and the calls the kernel itself skipped because a program was already running on
 * that CPU (each program's recursion_misses in struct bpf_prog_info). Read once, at the end.
 */
final class KernelCounts {
    /** offsetof(struct bpf_prog_info, recursion_misses) and sizeof, from linux/bpf.h (Linux 5.12+). */
    private static final int PROG_INFO_RECURSION_MISSES = 208, PROG_INFO_SIZE = 232;

    private final int countsFd;
    private final int lossesFd;
    private final int[] programFds;
    private final int cpus;
    private final Memory key = new Memory(4);
    private final Memory values;

    KernelCounts(BpfPrograms programs) throws TraceException {
        countsFd = programs.mapFd(BpfPrograms.COUNTS);
        lossesFd = programs.mapFd(BpfPrograms.LOSSES);
        programFds = new int[BpfPrograms.PROGRAMS.size()];
        for (int i = 0; i < programFds.length; i++) programFds[i] = programs.programFd(BpfPrograms.PROGRAMS.get(i));
        int n = Libbpf.libbpf_num_possible_cpus();
        if (n <= 0) throw new TraceException("--backend ebpf: cannot count the possible CPUs: " + Errors.name(-n));
        cpus = n;
        values = new Memory((long) cpus * Records.COUNTS_SIZE);
    }

    /** Records the ring buffer had no room for, summed over the CPUs. */
    long lostRecords() {
        return loss(0);
    }

    private long loss(int field) {
        key.setInt(0, 0);
        if (Libbpf.bpf_map_lookup_elem(lossesFd, key, values) < 0) return 0;
        long sum = 0;
        for (int cpu = 0; cpu < cpus; cpu++) sum += values.getLong((long) cpu * Records.LOSSES_SIZE + 8L * field);
        return sum;
    }

    /** Calls the kernel did not run a program for: it was already running on that CPU. */
    long recursionMisses() {
        Memory info = new Memory(PROG_INFO_SIZE);
        Memory length = new Memory(4);
        long sum = 0;
        for (int fd : programFds) {
            info.clear();
            length.setInt(0, PROG_INFO_SIZE);
            if (Libbpf.bpf_obj_get_info_by_fd(fd, info, length) == 0 && length.getInt(0) >= PROG_INFO_RECURSION_MISSES + 8) {
                sum += info.getLong(PROG_INFO_RECURSION_MISSES);
            }
        }
        return sum;
    }

    /** Every syscall the kernel counted (the trace saw) so far, for {@link dev.renacer.trace.TraceResult.Counters}. */
    long totalCalls() {
        long sum = 0;
        for (int nr = 0; nr < Records.MAX_SYSCALLS; nr++) {
            key.setInt(0, nr);
            if (Libbpf.bpf_map_lookup_elem(countsFd, key, values) < 0) continue;
            for (int cpu = 0; cpu < cpus; cpu++) sum += values.getLong((long) cpu * Records.COUNTS_SIZE);
        }
        return sum;
    }

    /** Hands the per-syscall figures and the losses to the listener; says the losses on {@code diagnostics}. */
    void report(TraceListener listener, PrintStream diagnostics, int ringBytes) {
        for (int nr = 0; nr < Records.MAX_SYSCALLS; nr++) {
            key.setInt(0, nr);
            if (Libbpf.bpf_map_lookup_elem(countsFd, key, values) < 0) continue;
            long calls = 0, errors = 0, total = 0, min = Long.MAX_VALUE, max = 0;
            for (int cpu = 0; cpu < cpus; cpu++) {
                long at = (long) cpu * Records.COUNTS_SIZE;
                long c = values.getLong(at);
                if (c == 0) continue;
                calls += c;
                errors += values.getLong(at + 8);
                total += values.getLong(at + 16);
                min = Math.min(min, values.getLong(at + 24));
                max = Math.max(max, values.getLong(at + 32));
            }
            if (calls > 0) listener.onSyscallCounts(nr, calls, errors, total, min, max);
        }
        long lost = lostRecords();
        long follows = loss(1);
        long misses = recursionMisses();
        listener.onEventsLost(lost);
        if (lost > 0) {
            diagnostics.println("renacer: " + lost + " eBPF records lost: the " + (ringBytes >> 10) + " KiB ring buffer was"
                    + " full (--ebpf-buffer-size makes it larger); the -c counts are complete");
        }
        if (follows > 0) diagnostics.println("renacer: " + follows + " new tasks could not be followed (the kernel had no memory for them)");
        if (misses > 0) diagnostics.println("renacer: " + misses + " syscalls not seen: a program was already running on that CPU");
    }
}
