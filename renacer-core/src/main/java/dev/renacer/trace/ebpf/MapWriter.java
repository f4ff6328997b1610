package dev.renacer.trace.ebpf;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.renacer.filter.TraceFilter;
import dev.renacer.linux.Libbpf;
import dev.renacer.trace.TraceException;

/** Fills the maps user space configures once, before the programs are attached. */
final class MapWriter {
    private MapWriter() {}

    /** renacer_filter: 1 for each syscall number the -e trace= expression selects. */
    static void writeFilter(int fd, TraceFilter filter) throws TraceException {
        Memory key = new Memory(4);
        Memory value = new Memory(4);
        for (int nr = 0; nr < Records.MAX_SYSCALLS; nr++) {
            key.setInt(0, nr);
            value.setInt(0, filter.traces(nr) ? 1 : 0);
            update(fd, key, value, "renacer_filter");
        }
    }

    /** renacer_plans: what the kernel copies for each argument of each syscall ({@link CapturePlan}). */
    static void writePlans(int fd, int stringLimit) throws TraceException {
        Memory key = new Memory(4);
        Memory value = new Memory(Records.PLAN_SIZE);
        for (int nr = 0; nr < Records.MAX_SYSCALLS; nr++) {
            byte[] plan = CapturePlan.plan(nr, stringLimit);
            key.setInt(0, nr);
            value.write(0, plan, 0, plan.length);
            update(fd, key, value, "renacer_plans");
        }
    }

    private static void update(int fd, Memory key, Memory value, String map) throws TraceException {
        if (Libbpf.bpf_map_update_elem(fd, key, value, 0) < 0) {
            throw new TraceException("--backend ebpf: cannot write " + map + ": " + Errors.name(Native.getLastError()));
        }
    }
}
