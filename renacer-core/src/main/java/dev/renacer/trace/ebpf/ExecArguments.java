package dev.renacer.trace.ebpf;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.SyscallEvent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An execve whose strings were not readable at its entry, and whose old memory is gone by its exit: its
 * exec record holds the file name the kernel copied (filed under execve's path argument), then the new
 * program's argument area, then its environment area, each NUL-separated strings. argv and envp are
 * rebuilt from those areas as NULL-terminated pointer arrays at the addresses execve was given, so the
 * decoders print them as under ptrace.
 */
final class ExecArguments {
    private final CapturedMemory memory;
    private final ByteBuffer argv = ByteBuffer.allocate(8 * (CapturePlan.ARGV_MAX + 1)).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer envp = ByteBuffer.allocate(8 * 1024).order(ByteOrder.LITTLE_ENDIAN);

    ExecArguments(CapturedMemory memory) {
        this.memory = memory;
    }

    /** Adds the rebuilt arrays to {@code memory}, which holds the exec record's captures alone. */
    void rebuild(SyscallEvent e) {
        int path = argumentOfKind(e.number, ArgKind.PATH);
        int argvArg = argumentOfKind(e.number, ArgKind.ARGV), envpArg = argumentOfKind(e.number, ArgKind.ENVP);
        int areas = 0;
        int blocks = memory.blocks();
        int argArea = -1, envArea = -1;
        for (int i = 0; i < blocks; i++) {
            if (path >= 0 && memory.address(i) == e.args[path]) continue;
            if (areas == 0) argArea = i;
            else if (areas == 1) envArea = i;
            areas++;
        }
        // adding a rebuilt array shifts the blocks: take the argument area's place first
        long argAddress = argArea < 0 ? 0 : memory.address(argArea);
        ByteBuffer argSource = argArea < 0 ? null : memory.source(argArea);
        int argOffset = argArea < 0 ? 0 : memory.offset(argArea), argLength = argArea < 0 ? 0 : memory.length(argArea);
        if (envArea >= 0 && envpArg >= 0) {
            pointers(envp, memory.source(envArea), memory.offset(envArea), memory.length(envArea), memory.address(envArea),
                    e.args[envpArg]);
        }
        if (argSource != null && argvArg >= 0) pointers(argv, argSource, argOffset, argLength, argAddress, e.args[argvArg]);
    }

    /** A NULL-terminated array at {@code arrayAddress}, one pointer per string of the area at {@code areaAddress}. */
    private void pointers(ByteBuffer out, ByteBuffer source, int offset, int length, long areaAddress, long arrayAddress) {
        int max = out.capacity() / 8 - 1;
        int count = 0;
        int start = 0;
        for (int i = 0; i < length && count < max; i++) {
            if (source.get(offset + i) != 0) continue;
            out.putLong(8 * count++, areaAddress + start);
            start = i + 1;
        }
        out.putLong(8 * count, 0);
        // searched before the held entry's blocks: its own copy of the array points at unreadable strings
        memory.addBlockFirst(out, arrayAddress, 0, 8 * (count + 1));
    }

    private static int argumentOfKind(int number, ArgKind kind) {
        int count = SyscallTable.argumentCount(number);
        for (int i = 0; i < count && i < 6; i++) if (SyscallTable.argumentKind(number, i) == kind) return i;
        return -1;
    }
}
