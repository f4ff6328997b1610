package dev.renacer.otlp;

import dev.renacer.syscall.Errno;
import dev.renacer.syscall.I386Syscalls;
import dev.renacer.syscall.SyscallTable;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * The strings and boxed numbers a syscall span repeats, made once per syscall number or errno and
 * then reused, so that filling a span allocates nothing after the first call of each kind.
 * Written by the tracer thread only; the exporter thread reads what the queue published.
 */
public final class SpanNames {
    private static final int MAX_NUMBER = 1024;
    private static final int MAX_ERRNO = 4096;
    private static final Long[] BOXED_NUMBERS = new Long[MAX_NUMBER];

    static {
        for (int i = 0; i < MAX_NUMBER; i++) BOXED_NUMBERS[i] = (long) i;
    }

    private final String[] syscallNames = new String[MAX_NUMBER];
    private final String[] spanNames = new String[MAX_NUMBER];
    private final String[] i386SyscallNames = new String[MAX_NUMBER];
    private final String[] i386SpanNames = new String[MAX_NUMBER];
    private final StatusData[] errorStatuses = new StatusData[MAX_ERRNO];

    static Long boxedNumber(int number) {
        return number >= 0 && number < MAX_NUMBER ? BOXED_NUMBERS[number] : Long.valueOf(number);
    }

    public String syscallName(int number) {
        if (number < 0 || number >= MAX_NUMBER) return SyscallTable.name(number);
        String name = syscallNames[number];
        return name != null ? name : (syscallNames[number] = SyscallTable.name(number));
    }

    /** {@code syscall: <name>}, the span name the issue asks for. */
    public String spanName(int number) {
        if (number < 0 || number >= MAX_NUMBER) return "syscall: " + SyscallTable.name(number);
        String name = spanNames[number];
        return name != null ? name : (spanNames[number] = "syscall: " + syscallName(number));
    }

    /** As {@link #syscallName(int)} for a call made through the i386 ABI: {@code number} is an i386 number. */
    public String syscallName(int number, boolean i386) {
        if (!i386) return syscallName(number);
        if (number < 0 || number >= MAX_NUMBER) return I386Syscalls.name(number);
        String name = i386SyscallNames[number];
        return name != null ? name : (i386SyscallNames[number] = I386Syscalls.name(number));
    }

    /** As {@link #spanName(int)} for a call made through the i386 ABI. */
    public String spanName(int number, boolean i386) {
        if (!i386) return spanName(number);
        if (number < 0 || number >= MAX_NUMBER) return "syscall: " + I386Syscalls.name(number);
        String name = i386SpanNames[number];
        return name != null ? name : (i386SpanNames[number] = "syscall: " + syscallName(number, true));
    }

    /**
     * The errno of a failed call as the trace line prints it, {@code ENOENT} or {@code ERESTARTSYS}, or its
     * number for one without a name: the same name the JSON and CSV outputs give ({@link Errno#printedName}).
     */
    public String errnoName(int errno) {
        return Errno.printedName(errno);
    }

    StatusData errorStatus(int errno, String errnoName) {
        if (errno <= 0 || errno >= MAX_ERRNO) return StatusData.create(StatusCode.ERROR, errnoName);
        StatusData status = errorStatuses[errno];
        return status != null ? status : (errorStatuses[errno] = StatusData.create(StatusCode.ERROR, errnoName));
    }
}
