package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import dev.renacer.syscall.Signals;

/** POSIX and timerfd timers: struct itimerspec and struct sigevent, as strace 6.1 prints them. */
final class TimerDecoders {
    private TimerDecoders() {}

    private static final int ITIMERSPEC_SIZE = 32;
    // struct sigevent on x86_64: sigev_value (8), sigev_signo, sigev_notify, then a union at 16
    private static final int SIGEVENT_SIZE = 64, SIGEV_VALUE = 0, SIGEV_SIGNO = 8, SIGEV_NOTIFY = 12;
    private static final int SIGEV_THREAD_ID_AT = 16, SIGEV_FUNCTION = 16, SIGEV_ATTRIBUTES = 24;
    private static final FlagSet SIGEV_NOTIFY_NAMES = Flags.get("sigev_notify");
    private static final int SIGEV_SIGNAL = notify("SIGEV_SIGNAL"), SIGEV_THREAD = notify("SIGEV_THREAD");
    private static final int SIGEV_THREAD_ID = notify("SIGEV_THREAD_ID");

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.ITIMERSPEC.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendItimerspec(c.tid, c.arg(i), reader, out); }
        };
        byKind[ArgKind.ITIMERSPEC_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else appendItimerspec(c.tid, c.arg(i), reader, out);
            }
        };
        byKind[ArgKind.SIGEVENT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] sev = reader.readOrPrintAddress(c.tid, c.arg(i), SIGEVENT_SIZE, out);
                if (sev != null) appendSigevent(sev, out);
            }
        };
    }

    private static int notify(String name) {
        return (int) SIGEV_NOTIFY_NAMES.value(name);
    }

    /** {@code {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=1000, tv_nsec=3}}}, NULL, or the address. */
    static void appendItimerspec(int tid, long address, TraceeReader reader, StringBuilder out) {
        byte[] its = reader.readOrPrintAddress(tid, address, ITIMERSPEC_SIZE, out);
        if (its == null) return;
        out.append("{it_interval=");
        ProcessDecoders.appendTimeFields(its, 0, false, out);
        out.append(", it_value=");
        ProcessDecoders.appendTimeFields(its, 16, false, out);
        out.append('}');
    }

    /**
     * {@code {sigev_signo=SIGUSR2, sigev_notify=SIGEV_SIGNAL}}: the value only when its pointer is not
     * NULL, the signal by name only for the notifications that send one, then what the notification uses.
     */
    static void appendSigevent(byte[] sev, StringBuilder out) {
        long value = LittleEndian.i64(sev, SIGEV_VALUE);
        int signo = LittleEndian.i32(sev, SIGEV_SIGNO);
        int notify = LittleEndian.i32(sev, SIGEV_NOTIFY);
        out.append('{');
        if (value != 0) {
            out.append("sigev_value={sival_int=").append((int) value).append(", sival_ptr=");
            Num.appendHex(value, out);
            out.append("}, ");
        }
        out.append("sigev_signo=");
        if (notify == SIGEV_SIGNAL || notify == SIGEV_THREAD || notify == SIGEV_THREAD_ID) Signals.appendName(signo, out);
        else out.append(signo & 0xffffffffL);
        out.append(", sigev_notify=");
        SIGEV_NOTIFY_NAMES.append(notify & 0xffffffffL, out);
        if (notify == SIGEV_THREAD_ID) {
            out.append(", sigev_notify_thread_id=").append(LittleEndian.i32(sev, SIGEV_THREAD_ID_AT));
        } else if (notify == SIGEV_THREAD) {
            out.append(", sigev_notify_function=");
            Num.appendAddress(LittleEndian.i64(sev, SIGEV_FUNCTION), out);
            out.append(", sigev_notify_attributes=");
            Num.appendAddress(LittleEndian.i64(sev, SIGEV_ATTRIBUTES), out);
        }
        out.append('}');
    }
}
