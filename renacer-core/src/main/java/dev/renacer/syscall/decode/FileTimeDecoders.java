package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.LocalTimes;

/**
 * The times utimensat, utimes, futimesat and utime set, as strace 6.1 prints them: each time with its date
 * in a comment, {@code [{tv_sec=1577836800, tv_nsec=0} /* 2020-01-01T00:00:00+0000 *\/, UTIME_OMIT]}.
 */
final class FileTimeDecoders {
    private FileTimeDecoders() {}

    /** utimensat's special tv_nsec values. */
    private static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        LocalTimes dates = new LocalTimes();
        byKind[ArgKind.UTIMENS_TIMES.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] times = reader.readOutputOrPrintAddress(c, c.arg(i), 32, out);
                if (times == null) return;
                out.append('[');
                for (int t = 0; t < 2; t++) {
                    if (t > 0) out.append(", ");
                    if (t == reader.stringLimit()) { // a local array, bounded by -s as strace bounds them
                        out.append("...");
                        break;
                    }
                    long nsec = LittleEndian.i64(times, 16 * t + 8);
                    if (nsec == UTIME_NOW) {
                        out.append("UTIME_NOW");
                    } else if (nsec == UTIME_OMIT) {
                        out.append("UTIME_OMIT");
                    } else {
                        ProcessDecoders.appendTimeFields(times, 16 * t, false, out);
                        dates.appendComment(LittleEndian.i64(times, 16 * t), nsec, 9, out);
                    }
                }
                out.append(']');
            }
        };
        byKind[ArgKind.UTIMES_TIMES.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] times = reader.readOutputOrPrintAddress(c, c.arg(i), 32, out);
                if (times == null) return;
                out.append('[');
                for (int t = 0; t < 2; t++) {
                    if (t > 0) out.append(", ");
                    if (t == reader.stringLimit()) {
                        out.append("...");
                        break;
                    }
                    ProcessDecoders.appendTimeFields(times, 16 * t, true, out);
                    dates.appendComment(LittleEndian.i64(times, 16 * t), LittleEndian.i64(times, 16 * t + 8), 6, out);
                }
                out.append(']');
            }
        };
        byKind[ArgKind.UTIMBUF.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] times = reader.readOutputOrPrintAddress(c, c.arg(i), 16, out);
                if (times == null) return;
                out.append("{actime=").append(LittleEndian.i64(times, 0));
                dates.appendComment(LittleEndian.i64(times, 0), 0, 0, out);
                out.append(", modtime=").append(LittleEndian.i64(times, 8));
                dates.appendComment(LittleEndian.i64(times, 8), 0, 0, out);
                out.append('}');
            }
        };
    }
}
