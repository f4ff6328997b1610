package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.Errno;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * setsockopt's and getsockopt's option names and values, as strace 6.1's print_setsockopt and
 * print_getsockopt print them: the int options as {@code [1]}, SO_LINGER and SO_PEERCRED as structs, SO_ERROR
 * as the error's name ({@code [ECONNREFUSED]}), and any other value as {@code [N]} when it is 4 bytes long,
 * else as a string of its bytes ({@code "cubic"}, a timeval's 16 bytes).
 */
final class SockoptDecoders {
    private SockoptDecoders() {}

    /** How a value of one option prints. */
    private enum Value {
        /** An int when exactly 4 bytes, else the bytes as a string. */
        OTHER,
        /** An int option: {@code [1]}; shorter than an int, an address (set) or hex bytes (get). */
        INT,
        LINGER, PEERCRED, ERROR
    }

    /** The SOL_SOCKET options strace lists as int-like, and the three it prints as structs or an errno. */
    private static final Cases<Value> SOCKET_OPTIONS = new Cases<>(Flags.SO_OPTIONS, Value.OTHER)
            .with(Value.INT, "SO_DEBUG", "SO_REUSEADDR", "SO_DONTROUTE", "SO_BROADCAST", "SO_SNDBUF", "SO_RCVBUF",
                    "SO_KEEPALIVE", "SO_OOBINLINE", "SO_NO_CHECK", "SO_PRIORITY", "SO_BSDCOMPAT", "SO_REUSEPORT",
                    "SO_PASSCRED", "SO_RCVLOWAT", "SO_SNDLOWAT", "SO_DETACH_FILTER", "SO_TIMESTAMP_OLD", "SO_ACCEPTCONN",
                    "SO_SNDBUFFORCE", "SO_RCVBUFFORCE", "SO_PASSSEC", "SO_TIMESTAMPNS_OLD", "SO_MARK",
                    "SO_TIMESTAMPING_OLD", "SO_RXQ_OVFL", "SO_WIFI_STATUS", "SO_PEEK_OFF", "SO_NOFCS", "SO_LOCK_FILTER",
                    "SO_SELECT_ERR_QUEUE", "SO_BUSY_POLL", "SO_INCOMING_CPU", "SO_CNX_ADVICE", "SO_INCOMING_NAPI_ID",
                    "SO_ZEROCOPY", "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW", "SO_TIMESTAMPING_NEW",
                    "SO_DETACH_REUSEPORT_BPF", "SO_PREFER_BUSY_POLL", "SO_BUSY_POLL_BUDGET", "SO_RESERVE_MEM", "SO_RCVMARK")
            .with(Value.LINGER, "SO_LINGER")
            .with(Value.PEERCRED, "SO_PEERCRED")
            .with(Value.ERROR, "SO_ERROR");

    private static final FlagSet LEVELS = Flags.get("socket_level");
    private static final int SOL_SOCKET = level("SOL_SOCKET"), SOL_NETLINK = level("SOL_NETLINK");
    /** The options of each socket level that has a table of them, keyed by the level's value. */
    private static final Int2ObjectHashMap<FlagSet> OPTIONS_BY_LEVEL = new Int2ObjectHashMap<>();

    static {
        OPTIONS_BY_LEVEL.put(SOL_SOCKET, Flags.SO_OPTIONS);
        OPTIONS_BY_LEVEL.put(level("SOL_IP"), Flags.IP_OPTIONS);
        OPTIONS_BY_LEVEL.put(level("SOL_TCP"), Flags.TCP_OPTIONS);
        OPTIONS_BY_LEVEL.put(level("SOL_IPV6"), Flags.IPV6_OPTIONS);
        OPTIONS_BY_LEVEL.put(SOL_NETLINK, Flags.get("sol_netlink_options"));
    }

    // setsockopt(fd, level, name, value, length); getsockopt(fd, level, name, value, length pointer)
    private static final int LEVEL = 1, NAME = 2, LENGTH = 4;
    private static final int LINGER_SIZE = 8, UCRED_SIZE = 12;
    private static final String[] LINGER_FIELDS = {"l_onoff", "l_linger"}, UCRED_FIELDS = {"pid", "uid", "gid"};

    private static int level(String name) {
        return (int) LEVELS.value(name);
    }

    static void register(ArgDecoder[] byKind, TraceeReader reader, EntryLengths lengths) {
        byKind[ArgKind.SOCKOPT_NAME.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                FlagSet names = OPTIONS_BY_LEVEL.get((int) c.arg(LEVEL));
                if (names != null) names.append(c.arg(i) & 0xffffffffL, out);
                else out.append(c.arg(i) & 0xffffffffL);
            }
        };
        byKind[ArgKind.SOCKOPT_VALUE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendSet(c, c.arg(i), (int) c.arg(LENGTH), reader, out); }
        };
        byKind[ArgKind.SOCKOPT_VALUE_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long before = lengths.peek(c.tid);
                byte[] after = c.failed() ? null : reader.readStruct(c.tid, c.arg(LENGTH), 4);
                if (before == EntryLengths.UNKNOWN || after == null) Num.appendAddress(c.arg(i), out);
                else appendGot(c, c.arg(i), (int) before, LittleEndian.i32(after, 0), reader, out);
            }
        };
    }

    private static Value value(Call c) {
        int level = (int) c.arg(LEVEL);
        if (level == SOL_SOCKET) return SOCKET_OPTIONS.of(c.arg(NAME));
        return level == SOL_NETLINK ? Value.INT : Value.OTHER;
    }

    /** What setsockopt reads. */
    private static void appendSet(Call c, long address, int length, TraceeReader reader, StringBuilder out) {
        Value value = address == 0 ? Value.OTHER : value(c);
        if (value == Value.INT) {
            if (length < 4) Num.appendAddress(address, out);
            else appendInt(c, address, reader, out);
        } else if (value == Value.LINGER) {
            if (length < LINGER_SIZE) {
                Num.appendAddress(address, out);
                return;
            }
            byte[] linger = reader.readOrPrintAddress(c.tid, address, LINGER_SIZE, out);
            if (linger != null) appendIntFields(linger, LINGER_SIZE, LINGER_FIELDS, LINGER_FIELDS.length, out);
        } else {
            appendOther(c, address, length, reader, out);
        }
    }

    /** What getsockopt wrote: {@code wanted} is the length at entry, {@code got} the one the call wrote. */
    private static void appendGot(Call c, long address, int wanted, int got, TraceeReader reader, StringBuilder out) {
        if (wanted <= 0 || got <= 0) {
            Num.appendAddress(address, out);
            return;
        }
        Value value = address == 0 ? Value.OTHER : value(c);
        switch (value) {
            case LINGER -> appendStruct(c, address, Math.min(got, LINGER_SIZE), LINGER_FIELDS, LINGER_FIELDS.length, reader, out);
            case PEERCRED -> appendStruct(c, address, Math.min(got, UCRED_SIZE), UCRED_FIELDS, 1, reader, out);
            case ERROR -> {
                if (got < 4) {
                    reader.appendBufferHex(c.tid, address, got, out);
                    return;
                }
                byte[] error = reader.readOrPrintAddress(c.tid, address, 4, out);
                if (error == null) return;
                String name = Errno.name(LittleEndian.i32(error, 0));
                out.append('[');
                if (name != null) out.append(name);
                else out.append(LittleEndian.u32(error, 0));
                out.append(']');
            }
            case INT -> {
                if ((int) c.arg(LEVEL) == SOL_NETLINK || got >= 4) appendInt(c, address, reader, out);
                else reader.appendBufferHex(c.tid, address, got, out);
            }
            default -> appendOther(c, address, got, reader, out);
        }
    }

    /** strace's default: an int when the value is exactly 4 bytes, else its bytes as a string, bounded by -s. */
    private static void appendOther(Call c, long address, int length, TraceeReader reader, StringBuilder out) {
        if (length == 4) appendInt(c, address, reader, out);
        else reader.appendBuffer(c.tid, address, length & 0xffffffffL, out);
    }

    private static void appendInt(Call c, long address, TraceeReader reader, StringBuilder out) {
        byte[] value = reader.readOrPrintAddress(c.tid, address, 4, out);
        if (value != null) out.append('[').append(LittleEndian.i32(value, 0)).append(']');
    }

    /** A struct of ints of which the call wrote {@code length} bytes: the whole fields, then the rest of one in hex. */
    private static void appendStruct(Call c, long address, int length, String[] fields, int unsignedFrom,
            TraceeReader reader, StringBuilder out) {
        byte[] struct = reader.readOrPrintAddress(c.tid, address, length, out);
        if (struct != null) appendIntFields(struct, length, fields, unsignedFrom, out);
    }

    /**
     * strace's MAYBE_PRINT_FIELD_LEN: {@code {l_onoff=1, l_linger=5}}, a field cut short as {@code "\x05\x00"};
     * fields from {@code unsignedFrom} on are unsigned (ucred's uid and gid).
     */
    private static void appendIntFields(byte[] struct, int length, String[] fields, int unsignedFrom, StringBuilder out) {
        out.append('{');
        for (int f = 0; f < fields.length && 4 * f < length; f++) {
            if (f > 0) out.append(", ");
            out.append(fields[f]).append('=');
            if (length >= 4 * f + 4) {
                if (f < unsignedFrom) out.append(LittleEndian.i32(struct, 4 * f));
                else out.append(LittleEndian.u32(struct, 4 * f));
                continue;
            }
            Quoter.quoteHex(struct, 4 * f, length - 4 * f, out);
        }
        out.append('}');
    }
}
