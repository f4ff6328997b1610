package dev.renacer.trace.ebpf;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.renacer.linux.Libbpf;
import dev.renacer.trace.TraceException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * renacer.bpf.o loaded with libbpf: opened from the bytes in the jar (no file anyone could swap), its
 * .rodata configuration and ring buffer size set, loaded, then attached. Links and maps are file
 * descriptors of this process, so the kernel releases them when renacer exits or is killed, SIGKILL
 * included; {@link #close} releases them earlier.
 */
final class BpfPrograms implements AutoCloseable {
    static final String OBJECT_RESOURCE = "renacer.bpf.o";
    /** The programs, in the order they are attached: lifecycle first, so no fork is missed once calls are seen. */
    static final List<String> PROGRAMS = List.of("renacer_fork", "renacer_exec", "renacer_gone", "renacer_signal",
            "renacer_signal_ignored", "renacer_exit",
            "renacer_enter");
    static final String TASKS = "renacer_tasks", FILTER = "renacer_filter", PLANS = "renacer_plans",
            COUNTS = "renacer_counts", LOSSES = "renacer_losses", EVENTS = "renacer_events";

    private final Pointer object;
    private final Memory image;      // the object's bytes must outlive bpf_object__open_mem's caller
    private final List<Pointer> links = new ArrayList<>();

    private BpfPrograms(Pointer object, Memory image) {
        this.object = object;
        this.image = image;
    }

    /**
     * Opens and loads the programs with {@code config} (a {@code struct config}) and a ring buffer of
     * {@code ringBytes}. Failures are one-line {@link TraceException}s that say what the kernel refused.
     */
    static BpfPrograms load(byte[] config, int ringBytes) throws TraceException {
        byte[] bytes = objectBytes();
        Memory image = new Memory(bytes.length);
        image.write(0, bytes, 0, bytes.length);
        Memory name = new Memory(8);
        name.setString(0, "renacer");
        Memory options = new Memory(16);           // struct bpf_object_open_opts: sz, object_name
        options.setLong(0, 16);
        options.setPointer(8, name);
        Libbpf.libbpf_set_print(null);
        Pointer object = Libbpf.bpf_object__open_mem(image, bytes.length, options);
        if (object == null) throw new TraceException("--backend ebpf: libbpf cannot open the BPF object: " + Errors.name(Native.getLastError()));
        BpfPrograms programs = new BpfPrograms(object, image);
        try {
            Pointer rodata = programs.map(".rodata");
            Memory size = new Memory(8);
            Libbpf.bpf_map__initial_value(rodata, size);
            if (size.getLong(0) != config.length) {
                throw new TraceException("--backend ebpf: the BPF object's configuration is " + size.getLong(0)
                        + " bytes, not " + config.length + " (renacer.h and Records.java disagree)");
            }
            Memory value = new Memory(config.length);
            value.write(0, config, 0, config.length);
            check(Libbpf.bpf_map__set_initial_value(rodata, value, config.length), "set the configuration");
            check(Libbpf.bpf_map__set_max_entries(programs.map(EVENTS), ringBytes), "size the ring buffer");
            int err = Libbpf.bpf_object__load(object);
            if (err < 0) throw new TraceException(Errors.loadFailure(-err));
            return programs;
        } catch (TraceException | RuntimeException e) {
            programs.close();
            throw e;
        }
    }

    /** Attaches every program to its tracepoint. */
    void attach() throws TraceException {
        for (String name : PROGRAMS) {
            Pointer program = Libbpf.bpf_object__find_program_by_name(object, name);
            if (program == null) throw new TraceException("--backend ebpf: the BPF object has no program " + name);
            Pointer link = Libbpf.bpf_program__attach(program);
            if (link == null) {
                throw new TraceException("--backend ebpf: cannot attach " + name + ": " + Errors.name(Native.getLastError()));
            }
            links.add(link);
        }
    }

    /** Detaches every program (nothing more is recorded); the maps stay readable until {@link #close}. */
    void detach() {
        for (int i = links.size() - 1; i >= 0; i--) Libbpf.bpf_link__destroy(links.get(i));
        links.clear();
    }

    int mapFd(String name) throws TraceException {
        return Libbpf.bpf_map__fd(map(name));
    }

    int programFd(String name) throws TraceException {
        Pointer program = Libbpf.bpf_object__find_program_by_name(object, name);
        if (program == null) throw new TraceException("--backend ebpf: the BPF object has no program " + name);
        return Libbpf.bpf_program__fd(program);
    }

    private Pointer map(String name) throws TraceException {
        Pointer map = Libbpf.bpf_object__find_map_by_name(object, name);
        if (map == null) throw new TraceException("--backend ebpf: the BPF object has no map " + name);
        return map;
    }

    private static void check(int result, String what) throws TraceException {
        if (result < 0) throw new TraceException("--backend ebpf: cannot " + what + ": " + Errors.name(-result));
    }

    private static byte[] objectBytes() throws TraceException {
        try (InputStream in = BpfPrograms.class.getResourceAsStream(OBJECT_RESOURCE)) {
            if (in == null) throw new TraceException("--backend ebpf: " + OBJECT_RESOURCE + " is missing from the jar (rebuild with clang and bpftool installed)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TraceException("--backend ebpf: cannot read " + OBJECT_RESOURCE + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        detach();
        Libbpf.bpf_object__close(object);
        image.close();
    }
}
