package dev.renacer.linux;

/**
 * A PM QoS CPU latency request held while the ptrace backend traces ({@code --cpu-dma-latency}): the kernel
 * keeps every CPU out of the idle states slower to leave than the value, for as long as the descriptor on
 * {@code /dev/cpu_dma_latency} is open, and drops the request when it closes, even when the process is
 * killed (Documentation/power/pm_qos_interface.rst). At 0 an idle CPU polls instead of halting.
 *
 * <p>Why: every traced call stops the tracee twice, and each stop wakes the tracer, then the tracee, on
 * the other CPU; waking a halted CPU is most of a stop's cost. On this project's 2-CPU VM (cpuidle driver
 * haltpoll) a bare C PTRACE_SYSCALL loop over 120,000 calls took 9.0 s, and 2.7 s while the request was
 * held, as fast as the same loop with tracer and tracee pinned to one CPU (2.5 s); strace -f itself went
 * from 13.9 s to 3.2 s (hyperfine -r 5, README "Performance"). The price: idle CPUs spin while the trace
 * runs (the harness reports that time as {@code idlePollNanos}).
 *
 * <p>The device is root's (mode 0600); when it cannot be opened (not root, no PM QoS) nothing is held and
 * the trace runs as it would without. The descriptor is close-on-exec, and the launch trampoline closes every
 * descriptor the command is not given, so the traced program never holds or sees it.
 */
public final class CpuLatencyRequest implements AutoCloseable {
    /** The kernel's character device for the CPU latency request; not a file anyone else can plant. */
    private static final byte[] DEVICE = "/dev/cpu_dma_latency\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int O_WRONLY = 01, O_CLOEXEC = 02000000;
    /** What renacer asks for unless told otherwise: poll, never halt. */
    public static final int DEFAULT_MICROS = 0;

    private int fd;

    private CpuLatencyRequest(int fd) {
        this.fd = fd;
    }

    /**
     * Asks that no CPU take longer than {@code micros} to leave idle, until {@link #close}; {@code micros < 0}
     * asks nothing. Never fails: without the device or the right to it, the request is simply not held.
     */
    public static CpuLatencyRequest hold(int micros) {
        if (micros < 0) return new CpuLatencyRequest(-1);
        int fd = DescriptorLibC.open(DEVICE, O_WRONLY | O_CLOEXEC);
        if (fd < 0) return new CpuLatencyRequest(-1);
        // the kernel takes a native-endian s32 (or a hex string); anything else is refused with EINVAL
        byte[] value = {(byte) micros, (byte) (micros >>> 8), (byte) (micros >>> 16), (byte) (micros >>> 24)};
        if (DescriptorLibC.write(fd, value, value.length) != value.length) {
            DescriptorLibC.close(fd);
            return new CpuLatencyRequest(-1);
        }
        return new CpuLatencyRequest(fd);
    }

    /** Whether the kernel holds the request now. */
    public boolean held() {
        return fd >= 0;
    }

    @Override
    public void close() {
        if (fd >= 0) DescriptorLibC.close(fd);
        fd = -1;
    }
}
