package dev.renacer.trace.ebpf;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.renacer.filter.TraceFilter;
import dev.renacer.linux.CheckedLibC;
import dev.renacer.linux.Libbpf;
import dev.renacer.linux.LibC;
import dev.renacer.output.OutputChannel;
import dev.renacer.output.TextSink;
import dev.renacer.output.Timestamps;
import dev.renacer.trace.StoppedCommand;
import dev.renacer.trace.TraceListener;
import dev.renacer.trace.Tracer;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.TimeZone;

/**
 * How fast records can be taken out of the ring buffer, three ways, on real records: the kernel fills a
 * 256 MiB ring while a fixture runs to its end unconsumed, then one consumer empties it, timed.
 * <ul>
 *   <li>{@code libbpf-callback}: libbpf's ring_buffer__consume calling a JNA callback per record (nothing done in it);</li>
 *   <li>{@code direct}: {@link RingReader} reading the mapped pages (nothing done per record);</li>
 *   <li>{@code dispatch}: {@link RingReader} with the real consumer, decoding every call and writing
 *       strace text with -T to /dev/null (what {@code renacer --backend ebpf -T -o /dev/null} does).</li>
 * </ul>
 * Run as root: {@code java -cp renacer-core/target/test-classes:renacer-core/target/renacer.jar
 * dev.renacer.trace.ebpf.RingConsumerMeasurement FIXTURE ARGS...} (README, "eBPF backend").
 */
public final class RingConsumerMeasurement {
    /** libbpf's ring buffer API, bound here only: renacer itself does not use it. */
    public interface RingBufferApi extends Library {
        RingBufferApi INSTANCE = Native.load(Libbpf.LIBRARY, RingBufferApi.class);

        interface SampleCallback extends Callback {
            int invoke(Pointer context, Pointer data, long size);
        }

        Pointer ring_buffer__new(int mapFd, SampleCallback callback, Pointer context, Pointer options);

        int ring_buffer__consume(Pointer ring);

        void ring_buffer__free(Pointer ring);
    }

    private static long seen;

    public static void main(String[] args) throws Exception {
        List<String> command = List.of(args);
        int rounds = Integer.getInteger("rounds", 3);
        for (int round = 0; round < rounds; round++) {
            for (String way : List.of("libbpf-callback", "direct", "dispatch")) measure(way, command);
        }
    }

    private static void measure(String way, List<String> command) throws Exception {
        int ring = 256 << 20;
        PrintStream devNull = new PrintStream(new FileOutputStream("/dev/null"));
        OutputChannel channel = new OutputChannel(new FileOutputStream("/dev/null"), "/dev/null", devNull, false);
        TraceListener text = new TextSink(channel, new Timestamps(0, false, TimeZone.getDefault()), true, true, false);
        Tracer.Config config = new Tracer.Config(false, TraceFilter.all(), 32, true, text, devNull,
                dev.renacer.trace.LaunchSettings.DEFAULT, dev.renacer.trace.Backend.EBPF, false, ring);
        try (BpfPrograms programs = BpfPrograms.load(EbpfSession.configuration(config), ring);
             RingReader reader = new RingReader(programs.mapFd(BpfPrograms.EVENTS), ring)) {
            MapWriter.writeFilter(programs.mapFd(BpfPrograms.FILTER), config.filter());
            MapWriter.writePlans(programs.mapFd(BpfPrograms.PLANS), 32);
            programs.attach();
            int pid = StoppedCommand.spawn(dev.renacer.trace.Argv.of(command), dev.renacer.trace.LaunchSettings.DEFAULT);
            new FollowedTasks(programs.mapFd(BpfPrograms.TASKS)).follow(pid, Records.TASK_HIDDEN);
            LibC.kill(pid, 18);
            CheckedLibC.waitpid(pid, new IntByReference(), 0);
            programs.detach();
            long bytes = reader.pending();
            seen = 0;
            long start = System.nanoTime();
            switch (way) {
                case "libbpf-callback" -> {
                    RingBufferApi.SampleCallback callback = (context, data, size) -> {
                        seen++;
                        return 0;
                    };
                    Pointer rb = RingBufferApi.INSTANCE.ring_buffer__new(programs.mapFd(BpfPrograms.EVENTS), callback, null, null);
                    RingBufferApi.INSTANCE.ring_buffer__consume(rb);
                    RingBufferApi.INSTANCE.ring_buffer__free(rb);
                }
                case "direct" -> {
                    RingReader.RecordHandler count = (ByteBuffer r, int offset, int length) -> seen++;
                    while (reader.drain(count) > 0) {
                        // all of it
                    }
                }
                default -> {
                    RecordDispatcher dispatcher = new RecordDispatcher(text, true, 32, 0);
                    dispatcher.launched(pid, command);
                    RingReader.RecordHandler counting = (ByteBuffer r, int offset, int length) -> {
                        seen++;
                        dispatcher.onRecord(r, offset, length);
                    };
                    while (reader.drain(counting) > 0) {
                        // all of it
                    }
                    text.onFinish();
                }
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("%-16s %9d records %7.1f MB  %8.1f ms  %6.2f M records/s%n", way, seen, bytes / 1e6, nanos / 1e6,
                    seen * 1e3 / nanos);
        }
    }
}
