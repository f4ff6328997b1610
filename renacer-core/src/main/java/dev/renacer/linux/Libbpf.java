package dev.renacer.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The libbpf calls the eBPF backend makes (Debian's libbpf1, {@code libbpf.so.1}), bound with JNA direct
 * mapping. None is on the per-event path: records are read from the ring buffer's mapped pages (see
 * {@code trace.ebpf.RingReader}). Functions returning a pointer return NULL and set errno on failure
 * (libbpf 1.x); those returning int return a negative errno. Bindings only: policy is in trace.ebpf.
 */
public final class Libbpf {
    /** The shared object's name; loading fails with UnsatisfiedLinkError when it is absent. */
    public static final String LIBRARY = "libbpf.so.1";

    static {
        Native.register(Libbpf.class, NativeLibrary.getInstance(LIBRARY)); // the class named: see LibC
    }

    private Libbpf() {}

    /** Loads the class, so that a missing libbpf shows up at a known place. */
    public static void ensureLoaded() {}

    public static native Pointer bpf_object__open_mem(Pointer buffer, long size, Pointer openOptions);

    public static native int bpf_object__load(Pointer object);

    public static native void bpf_object__close(Pointer object);

    public static native Pointer bpf_object__find_map_by_name(Pointer object, String name);

    public static native Pointer bpf_object__find_program_by_name(Pointer object, String name);

    public static native int bpf_map__set_max_entries(Pointer map, int maxEntries);

    public static native int bpf_map__set_initial_value(Pointer map, Pointer data, long size);

    /** The map's initial value and, in {@code size} (a size_t), its length. */
    public static native Pointer bpf_map__initial_value(Pointer map, Pointer size);

    public static native int bpf_map__fd(Pointer map);

    public static native int bpf_program__fd(Pointer program);

    /** Attaches as the program's section says (tp_btf/NAME: a BTF raw tracepoint); NULL and errno on failure. */
    public static native Pointer bpf_program__attach(Pointer program);

    public static native int bpf_link__destroy(Pointer link);

    public static native int bpf_map_update_elem(int fd, Pointer key, Pointer value, long flags);

    public static native int bpf_map_lookup_elem(int fd, Pointer key, Pointer value);

    /** struct bpf_prog_info of a program (run counts, recursion misses); {@code length} is an in/out u32. */
    public static native int bpf_obj_get_info_by_fd(int fd, Pointer info, Pointer length);

    /** NULL silences libbpf, which otherwise prints its warnings to stderr. */
    public static native Pointer libbpf_set_print(Pointer printFunction);

    /** The number of possible CPUs, the length of a per-CPU map value array; negative errno on failure. */
    public static native int libbpf_num_possible_cpus();
}
