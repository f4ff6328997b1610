package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Errno;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.syscall.TraceeMemory;

import java.util.Arrays;
import java.util.Map;

/**
 * Formats a syscall's arguments and result as strace does. The syscall table gives each argument a
 * {@link ArgKind}; the decoder for that kind prints it. Arguments the call fills in (read's buffer,
 * fstat's struct) are printed at the exit stop, as strace prints them.
 *
 * <p>The entry point for any backend that sees syscalls: per call of task {@code tid}, at its entry
 * {@code from = decodeEntry(tid, number, args, stackPointer, arguments)} (and {@link #exitSeparated} if the
 * line may be left unfinished), at its exit {@code decodeExit(tid, number, args, from, returnValue,
 * arguments, result)}. Tracee memory is read through the {@link TraceeMemory} given to the constructor.
 * Results depend on those arguments only, plus two memories per task: of in/out lengths from a call's entry
 * to its exit, and of the call it made before (restart_syscall prints it, as strace does).
 *
 * <p>One instance per tracer, used only on the tracer thread; it reuses its buffers and allocates nothing
 * per call.
 */
public final class SyscallDecoder {
    private final ArgDecoder[] byKind = new ArgDecoder[ArgKind.values().length];
    /** Scratch for the call being decoded; filled from the arguments of each public method, never read across calls. */
    private final Call call = new Call();
    private final TraceeReader reader;
    private final DecodeOptions options;
    /** -e read= / -e write=, or null when neither was given. */
    private final IoDumps dumps;
    private final RestartDecoder restart = new RestartDecoder();

    /** @param stringLimit strace's -s: at most this many bytes of a string are printed, then "..." */
    public SyscallDecoder(TraceeMemory memory, int stringLimit) {
        this(memory, DecodeOptions.of(stringLimit));
    }

    public SyscallDecoder(TraceeMemory memory, DecodeOptions options) {
        this.options = options;
        reader = new TraceeReader(memory, options.stringLimit(), options.hexStrings(), options.descriptors(),
                options.fdDetails(), call);
        ScalarDecoders.register(byKind);
        FdDecoders.register(byKind, reader);
        FcntlDecoders.register(byKind, reader);
        MemoryDecoders.register(byKind, reader);
        StructDecoders.register(byKind, reader);
        ProcessDecoders.register(byKind, reader);
        NetworkDecoders.register(byKind, reader);
        PollDecoder.register(byKind, reader);
        EpollDecoders.register(byKind, reader);
        ResourceDecoders.register(byKind, reader);
        MempolicyDecoders.register(byKind, reader);
        FileTimeDecoders.register(byKind, reader);
        IpcDecoders.register(byKind);
        SystemStructDecoders.register(byKind, reader);
        IoctlDecoders.register(byKind, reader);
        PrctlDecoders.register(byKind, reader);
        SelectDecoders.register(byKind, reader);
        TimerDecoders.register(byKind, reader);
        SchedDecoders.register(byKind, reader);
        MountDecoders.register(byKind, reader);
        CapabilityDecoders.register(byKind, reader);
        byKind[ArgKind.RESTARTED_CALL.ordinal()] = restart;
        dumps = options.reads() == DecodeOptions.NO_DESCRIPTOR && options.writes() == DecodeOptions.NO_DESCRIPTOR
                ? null : new IoDumps(reader, options.reads(), options.writes());
        for (ArgKind kind : ArgKind.values()) {
            if (byKind[kind.ordinal()] == null) throw new IllegalStateException("no decoder for " + kind);
        }
    }

    /**
     * At the entry stop of task {@code tid}: appends the arguments known before the call runs, ", "-separated,
     * stopping at the first one the call fills in.
     *
     * @param stackPointer the task's stack pointer at this stop (rt_sigreturn's saved signal mask is read there)
     * @return the index of the first argument not yet handled: pass it to {@link #decodeExit} as {@code from}
     *         (arguments strace leaves out, such as open's mode without O_CREAT, count as handled, so a call
     *         with nothing to show at exit returns the argument count)
     */
    public int decodeEntry(int tid, int number, long[] args, long stackPointer, StringBuilder out) {
        Call c = prepare(tid, number, args, stackPointer, 0, false);
        restart.entered(tid, number);
        int count = SyscallTable.argumentCount(number);
        if (options.raw().test(number)) { // -e raw=: strace's printargs, every argument in hex
            int registers = rawArgumentCount(number, count);
            for (int i = 0; i < registers; i++) {
                if (i > 0) out.append(", ");
                Num.appendHexOrZero(args[i], out);
            }
            return registers;
        }
        for (int i = 0; i < count; i++) {
            ArgKind kind = SyscallTable.argumentKind(number, i);
            if (kind.atExit()) {
                boolean anyShown = false;
                for (int rest = i; rest < count; rest++) {
                    ArgDecoder decoder = byKind[SyscallTable.argumentKind(number, rest).ordinal()];
                    decoder.atEntry(c, rest);
                    anyShown |= decoder.shown(args, rest);
                }
                // Nothing will be printed at exit (prctl(PR_SET_NAME, ...), ioctl(3, FIOCLEX)): the line is complete.
                return anyShown ? i : count;
            }
            appendArgument(c, kind, i, out);
        }
        return count;
    }

    /**
     * strace's nargs for the few syscalls whose decoded signature here groups or hides registers (futex's operation
     * takes the five after it, rt_sigreturn shows its frame but has no argument): -e raw= prints nargs registers.
     */
    private static final Map<String, Integer> RAW_COUNTS = Map.of(
            "rt_sigreturn", 0, "clone", 5, "fcntl", 3, "prctl", 5, "futex", 6, "kcmp", 5);
    private static final int[] RAW_COUNT_BY_NUMBER = rawCounts();

    private static int[] rawCounts() {
        int[] counts = new int[SyscallTable.size()];
        Arrays.fill(counts, -1);
        RAW_COUNTS.forEach((name, n) -> {
            int number = SyscallTable.number(name);
            if (number >= 0) counts[number] = n;
        });
        return counts;
    }

    private static int rawArgumentCount(int number, int decodedCount) {
        int n = number >= 0 && number < RAW_COUNT_BY_NUMBER.length ? RAW_COUNT_BY_NUMBER[number] : -1;
        return n >= 0 ? n : decodedCount;
    }

    /**
     * Whether the text of a call left unfinished at its entry stop ends with ", " before {@code " <unfinished ...>"}:
     * true when arguments remain for the exit stop ({@code wait4(42,  <unfinished ...>}), false when none remain
     * or the next one brings its own separator ({@code clone3({...} <unfinished ...>}, {@code ioctl(3, FIOCLEX}).
     * A function of the registers alone; never allocates.
     *
     * @param from what {@link #decodeEntry} returned
     */
    public boolean exitSeparated(int number, long[] args, int from) {
        int count = SyscallTable.argumentCount(number);
        for (int i = from; i < count; i++) {
            ArgDecoder decoder = byKind[SyscallTable.argumentKind(number, i).ordinal()];
            if (!decoder.shown(args, i)) continue;
            return i > 0 && decoder.separated();
        }
        return false;
    }

    /**
     * At the exit stop of task {@code tid}: appends to {@code arguments} the arguments {@code from}.. (the ones
     * filled in by the call) with the leading ", ", and to {@code result} the result as strace prints it after
     * "= ": "3", "0x55d0c8a2b000" for calls returning addresses, "-1 ENOENT (No such file or directory)",
     * "? ERESTARTSYS (To be restarted if SA_RESTART is set)", "0x8002 (flags O_RDWR|O_LARGEFILE)" for fcntl's F_GETFL.
     *
     * @param from what {@link #decodeEntry} returned for this call
     */
    public void decodeExit(int tid, int number, long[] args, int from, long returnValue, StringBuilder arguments,
            StringBuilder result) {
        Call c = prepare(tid, number, args, 0, returnValue, true);
        if (options.raw().test(number)) { // -e raw=: the result in hex, or the error as strace's print_err_ret
            if (Errno.isError(returnValue)) {
                result.append("-1 ");
                Errno.appendPrintedName((int) -returnValue, result);
                result.append(" (").append(Errno.message((int) -returnValue)).append(')');
            } else {
                Num.appendHexOrZero(returnValue, result);
            }
            return;
        }
        int count = SyscallTable.argumentCount(number);
        for (int i = from; i < count; i++) appendArgument(c, SyscallTable.argumentKind(number, i), i, arguments);
        appendResult(c, result);
        restart.exited(tid, number);
    }

    /**
     * After the exit stop, the lines -e read= / -e write= print after the call's line (strace's dumpio):
     * appends nothing when no dump was asked for this call's descriptor.
     */
    public void appendDumps(int tid, int number, long[] args, long returnValue, StringBuilder out) {
        if (dumps != null) dumps.append(tid, number, args, returnValue, out);
    }

    private void appendResult(Call c, StringBuilder out) {
        long returnValue = c.returnValue;
        if (Errno.isError(returnValue)) {
            Errno.appendFailure((int) -returnValue, out);
            return;
        }
        switch (SyscallTable.resultKind(c.number)) {
            case HEX:
                Num.appendHexOrZero(returnValue, out);
                break;
            case OCTAL:
                Num.appendOctalMode(returnValue, out);
                break;
            case FCNTL:
                if (FcntlDecoders.duplicates(c.args)) FdDecoders.appendResult(c.tid, returnValue, reader, out);
                else FcntlDecoders.appendResult(c.args, returnValue, out);
                break;
            case FD:
                FdDecoders.appendResult(c.tid, returnValue, reader, out);
                break;
            case POLL:
                PollDecoder.appendResult(c.tid, c.args, returnValue, reader, out);
                break;
            case PRCTL:
                PrctlDecoders.appendResult(c.args, returnValue, out);
                break;
            case SELECT:
                SelectDecoders.appendSelectResult(c.tid, c.number, c.args, returnValue, reader, out);
                break;
            case PPOLL:
                SelectDecoders.appendPpollResult(c.tid, c.args, returnValue, reader, out);
                break;
            case IOPRIO:
                SchedDecoders.appendIoprioResult(returnValue, out);
                break;
            case PERSONALITY:
                ProcessDecoders.appendPersonaResult(returnValue, out);
                break;
            case SIGNAL:
                Signals.appendNumberAndName(returnValue, out);
                break;
            default:
                out.append(returnValue);
        }
    }

    private void appendArgument(Call c, ArgKind kind, int index, StringBuilder out) {
        ArgDecoder decoder = byKind[kind.ordinal()];
        if (!decoder.shown(c.args, index)) return;
        if (index > 0 && decoder.separated()) out.append(", ");
        decoder.append(c, index, out);
    }

    private Call prepare(int tid, int number, long[] args, long stackPointer, long returnValue, boolean atExit) {
        Call c = call;
        c.tid = tid;
        c.number = number;
        c.args = args;
        c.stackPointer = stackPointer;
        c.returnValue = returnValue;
        c.atExit = atExit;
        c.abbrev = options.abbrev().test(number);
        c.verbose = options.verbose().test(number);
        return c;
    }
}
