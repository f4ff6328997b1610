package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;

/** poll's struct pollfd array, requested events at entry and ready descriptors in the result, as strace prints them. */
final class PollDecoder {
    private PollDecoder() {}

    private static final int POLLFD_SIZE = 8, FD = 0, EVENTS = 4, REVENTS = 6;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        TraceeReader.TaskElementPrinter request = (tid, pfd, out) -> appendPollfd(tid, pfd, reader, out);
        byKind[ArgKind.POLLFDS.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { reader.appendArray(c.tid, c.arg(i), c.arg(i + 1) & 0xffffffffL, POLLFD_SIZE, request, out); }
        };
    }

    /** {@code {fd=3, events=POLLIN|POLLPRI}}, or {@code {fd=-1}}: a negative fd is ignored by the kernel and shown alone. */
    private static void appendPollfd(int tid, byte[] pfd, TraceeReader reader, StringBuilder out) {
        int fd = LittleEndian.i32(pfd, FD);
        int events = LittleEndian.u16(pfd, EVENTS); // before -y's lookups, which leave the element alone anyway
        out.append("{fd=");
        reader.appendFd(tid, fd, out);
        if (fd >= 0) {
            out.append(", events=");
            Flags.POLL.append(events, out);
        }
        out.append('}');
    }

    /**
     * {@code 0 (Timeout)}, or {@code 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])}.
     *
     * @return true when it listed descriptors in parentheses (ppoll then adds the time left inside them)
     */
    static boolean appendResult(int tid, long[] args, long ready, TraceeReader reader, StringBuilder out) {
        out.append(ready);
        if (ready == 0) {
            out.append(" (Timeout)");
            return false;
        }
        if (args[0] == 0) return false;
        long count = args[1] & 0xffffffffL;
        int shown = 0;
        boolean listed = false;
        for (long n = 0; n < count && shown < ready; n++) {
            byte[] pfd = reader.readStruct(tid, args[0] + POLLFD_SIZE * n, POLLFD_SIZE);
            if (pfd == null) break;
            int revents = LittleEndian.u16(pfd, REVENTS);
            if (revents == 0) continue;
            out.append(listed ? ", " : " ([");
            listed = true;
            if (shown == reader.stringLimit()) { // strace bounds this list by -s too
                out.append("...");
                break;
            }
            out.append("{fd=").append(LittleEndian.i32(pfd, FD)).append(", revents=");
            Flags.POLL.append(revents, out);
            out.append('}');
            shown++;
        }
        if (listed) out.append("])"); // also when -s 0 showed none of them: "1 ([...])"
        return listed;
    }
}
