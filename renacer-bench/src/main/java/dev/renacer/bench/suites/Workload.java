package dev.renacer.bench.suites;

import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import java.util.List;

/**
 * The syscalls the benchmarks export: eight shapes a dynamically linked program makes at start-up
 * (openat, read, mmap, fstat, close, a failing openat, write, lseek), strace-formatted as the tracer
 * hands them over. One in eight (lseek) carries a value that changes every call, so not every
 * argument string repeats; real traces repeat most of theirs.
 */
public final class Workload {
    public static final int PID = 4242;
    private static final String[][] SHAPES = {
            {"257", "AT_FDCWD, \"/usr/lib/x86_64-linux-gnu/libc.so.6\", O_RDONLY|O_CLOEXEC", "3"},
            {"0", "3, \"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\220\\243\\2\\0\\0\\0\\0\\0\"..., 832", "832"},
            {"9", "NULL, 2170256, PROT_READ, MAP_PRIVATE|MAP_DENYWRITE, 3, 0", "0x7f3c1a600000"},
            {"5", "3, {st_mode=S_IFREG|0755, st_size=2125328, ...}", "0"},
            {"3", "3", "0"},
            {"257", "AT_FDCWD, \"/etc/ld.so.preload\", O_RDONLY|O_CLOEXEC", "-1 ENOENT (No such file or directory)"},
            {"1", "1, \"hello, world\\n\", 13", "13"},
            {"8", "3, ", "0"},
    };

    private long calls;

    public static ProcessInfo process(long startEpochNanos) {
        return new ProcessInfo(PID, 0, "/usr/bin/app", List.of("app", "--serve"), "app", startEpochNanos, false);
    }

    /** Fills the reused event with the next call, as the tracer would. */
    public SyscallEvent next(SyscallEvent e) {
        String[] shape = SHAPES[(int) (calls & 7)];
        e.pid = PID;
        e.tid = PID;
        e.number = Integer.parseInt(shape[0]);
        e.arguments.setLength(0);
        e.arguments.append(shape[1]);
        if (e.number == 8) e.arguments.append(calls * 4096).append(", SEEK_SET");
        e.result.setLength(0);
        e.result.append(shape[2]);
        boolean failed = shape[2].startsWith("-1");
        e.returned = true;
        e.returnValue = failed ? -2 : 3;
        e.entryNanos = calls * 1000;
        e.exitNanos = e.entryNanos + 700;
        e.entryEpochNanos = 1_764_000_000_000_000_000L + calls * 1000;
        calls++;
        return e;
    }

    public static boolean failed(SyscallEvent e) {
        return e.failed();
    }
}
