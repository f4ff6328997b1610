package dev.renacer.cli;

import dev.renacer.cli.OptionModel.Field;
import dev.renacer.trace.Backend;
import dev.renacer.trace.Tracer;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Locale;

import static dev.renacer.cli.OptionModel.bound;
import static dev.renacer.cli.OptionModel.option;

/** {@code --backend} and the eBPF backend's {@code --ebpf-buffer-size} (added to the command by {@link #addTo}). */
public final class BackendOptions {

    /** Adds these options to {@code spec}, bound to this object's fields (the model is built by hand: {@link OptionModel}). */
    public void addTo(CommandSpec spec) {
        spec.addOption(bound(option("--backend").type(String.class).paramLabel("NAME")
                .description("How syscalls are seen: ptrace (default; two stops per call, decodes everything) or ebpf"
                    + " (in-kernel programs, the program is never stopped; needs root or CAP_BPF+CAP_PERFMON)."),
                new Field<String>() {
                    @Override String value() { return backend; }
                    @Override void accept(String v) { backend = v; }
                }));
        spec.addOption(bound(option("--ebpf-buffer-size").type(String.class).paramLabel("SIZE")
                .description("The eBPF ring buffer: a power of two, 4K to 256M, with K, M or G (default 16M). Records that find it"
                    + " full are counted and reported at exit; -c counts never depend on it."),
                new Field<String>() {
                    @Override String value() { return bufferSize; }
                    @Override void accept(String v) { bufferSize = v; }
                }));
    }

    String backend = "ptrace";

    String bufferSize;

    /** The chosen backend; {@link UsageException} for an unknown name. */
    Backend backend() {
        Backend b = Backend.parse(backend);
        if (b == null) throw new UsageException("unknown --backend '" + backend + "': use ptrace or ebpf");
        return b;
    }

    /** The ring buffer size in bytes; {@link UsageException} for a bad one. */
    int bufferBytes() {
        if (bufferSize == null) return Tracer.DEFAULT_EBPF_BUFFER_BYTES;
        String s = bufferSize.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("K")) unit = 1L << 10;
        else if (s.endsWith("M")) unit = 1L << 20;
        else if (s.endsWith("G")) unit = 1L << 30;
        if (unit > 1) s = s.substring(0, s.length() - 1);
        long bytes;
        try {
            bytes = Long.parseLong(s) * unit;
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < 4096 || bytes > 1L << 28 || Long.bitCount(bytes) != 1) {
            throw new UsageException("invalid --ebpf-buffer-size '" + bufferSize + "': a power of two from 4K to 256M");
        }
        return (int) bytes;
    }
}
