package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** getrusage's struct rusage, the interval timers' struct itimerval and times' struct tms, as strace 6.1 prints them. */
final class ResourceDecoders {
    private ResourceDecoders() {}

    /** struct rusage: two timevals, then fourteen longs strace shows only with -v. */
    private static final int RUSAGE_SIZE = 144, RU_STIME = 16;
    private static final int ITIMERVAL_SIZE = 32, IT_VALUE = 16;
    private static final String[] TMS_FIELDS = {"tms_utime", "tms_stime", "tms_cutime", "tms_cstime"};

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.RUSAGE_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendTimevals(c, i, RUSAGE_SIZE, "{ru_utime=", ", ru_stime=", RU_STIME, ", ...}", reader, out); }
        };
        ArgDecoder itimerval = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendTimevals(c, i, ITIMERVAL_SIZE, "{it_interval=", ", it_value=", IT_VALUE, "}", reader, out); }
        };
        byKind[ArgKind.ITIMERVAL.ordinal()] = itimerval;
        byKind[ArgKind.ITIMERVAL_OUT.ordinal()] = itimerval;
        byKind[ArgKind.TMS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] tms = reader.readOutputOrPrintAddress(c, c.arg(i), 8 * TMS_FIELDS.length, out);
                if (tms == null) return;
                for (int f = 0; f < TMS_FIELDS.length; f++) {
                    out.append(f == 0 ? "{" : ", ").append(TMS_FIELDS[f]).append('=');
                    Num.appendClockTicks(LittleEndian.i64(tms, 8 * f), out);
                }
                out.append('}');
            }
        };
    }

    /** A struct that starts with two timevals, the second at {@code second}, and prints only them. */
    private static void appendTimevals(Call c, int i, int size, String firstName, String secondName, int second,
            String end, TraceeReader reader, StringBuilder out) {
        byte[] struct = reader.readOutputOrPrintAddress(c, c.arg(i), size, out);
        if (struct == null) return;
        out.append(firstName);
        ProcessDecoders.appendTimeFields(struct, 0, true, out);
        out.append(secondName);
        ProcessDecoders.appendTimeFields(struct, second, true, out);
        out.append(end);
    }
}
