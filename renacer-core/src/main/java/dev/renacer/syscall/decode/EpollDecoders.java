package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/**
 * struct epoll_event, as strace 6.1 prints it: {@code {events=EPOLLIN|EPOLLET, data={u32=5, u64=5}}}, the data
 * both ways since only the program knows which it meant; epoll_ctl's one (none for EPOLL_CTL_DEL), and the
 * array epoll_wait and epoll_pwait fill, as many as they returned.
 */
final class EpollDecoders {
    private EpollDecoders() {}

    private static final FlagSet EVENTS = Flags.get("epoll_events");
    private static final long EPOLL_CTL_DEL = Flags.get("epoll_ctl_op").value("EPOLL_CTL_DEL");
    /** x86_64 packs struct epoll_event: a u32 of events, then the u64 of data at offset 4. */
    private static final int EVENT_SIZE = 12, DATA = 4;
    // epoll_ctl(epfd, op, fd, event)
    private static final int OP = 1;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        byKind[ArgKind.EPOLL_EVENT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if ((int) c.arg(OP) == EPOLL_CTL_DEL) {
                    Num.appendAddress(c.arg(i), out);
                    return;
                }
                byte[] event = reader.readOrPrintAddress(c.tid, c.arg(i), EVENT_SIZE, out);
                if (event != null) EVENT.append(event, out);
            }
        };
        byKind[ArgKind.EPOLL_EVENTS_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                if (c.failed()) Num.appendAddress(c.arg(i), out);
                else reader.appendArray(c.tid, c.arg(i), c.returnValue, EVENT_SIZE, EVENT, out);
            }
        };
    }

    private static final TraceeReader.ElementPrinter EVENT = (event, out) -> {
        out.append("{events=");
        EVENTS.append(LittleEndian.u32(event, 0), out);
        long data = LittleEndian.i64(event, DATA);
        out.append(", data={u32=").append(data & 0xffffffffL).append(", u64=");
        Num.appendUnsigned(data, out);
        out.append("}}");
    };
}
