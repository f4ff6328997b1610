package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/** Decoders for sockets: domain, type, protocol, and the common socket addresses. */
final class NetworkDecoders {
    private NetworkDecoders() {}

    private static final int AF_UNIX = family("AF_UNIX"), AF_INET = family("AF_INET"), AF_INET6 = family("AF_INET6");
    private static final int AF_NETLINK = family("AF_NETLINK");
    private static final FlagSet NETLINK_PROTOCOLS = Flags.get("netlink_protocol");
    // struct sockaddr_nl: family, u16 nl_pad, u32 nl_pid, u32 nl_groups
    private static final int NL_PAD = 2, NL_PID = 4, NL_GROUPS = 8, SOCKADDR_NL_SIZE = 12;
    private static final int SOCK_TYPE_MASK = 0xf;
    private static final int SOCKADDR_MAX = 128;
    private static final int SUN_PATH = 2, SIN_PORT = 2, SIN_ADDR = 4, SIN6_FLOWINFO = 4, SIN6_ADDR = 8;
    private static final int SIN6_SCOPE_ID = 24;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        EntryLengths lengths = new EntryLengths();
        byKind[ArgKind.SOCKADDR_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                // strace shows as much of the address as both the buffer (the length at entry) and the call's length allow
                long before = lengths.peek(c.tid);
                byte[] after = c.failed() ? null : reader.readStruct(c.tid, c.arg(i + 1), 4);
                if (after == null) {
                    Num.appendAddress(c.arg(i), out);
                    return;
                }
                int length = LittleEndian.i32(after, 0);
                if (before != EntryLengths.UNKNOWN && before < length) length = (int) before;
                appendSockaddr(c, c.arg(i), length, reader, out);
            }
        };
        byKind[ArgKind.SOCKLEN_INOUT.ordinal()] = new ArgDecoder() {
            @Override public void atEntry(Call c, int i) {
                lengths.remember(c.tid, reader.readStruct(c.tid, c.arg(i), 4));
            }

            /** {@code [16]}, {@code [28 => 16]} when the call changed it; a failed call shows the length at entry. */
            @Override public void append(Call c, int i, StringBuilder out) {
                long before = lengths.take(c.tid);
                if (c.failed() && before != EntryLengths.UNKNOWN) {
                    out.append('[').append(before).append(']');
                    return;
                }
                byte[] len = reader.readOrPrintAddress(c.tid, c.arg(i), 4, out);
                if (len == null) return;
                int after = LittleEndian.i32(len, 0);
                out.append('[');
                if (before != EntryLengths.UNKNOWN && before != after) out.append(before).append(" => ");
                out.append(after).append(']');
            }
        };
        byKind[ArgKind.SOCKET_TYPE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long type = c.arg(i) & 0xffffffffL;
                Flags.SOCKET_TYPE.append(type & SOCK_TYPE_MASK, out);
                long flags = type & ~SOCK_TYPE_MASK;
                if (flags != 0) {
                    out.append('|');
                    Flags.SOCKET_FLAGS.appendBits(flags, out);
                }
            }
        };
        byKind[ArgKind.SOCKET_PROTOCOL.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                int domain = (int) c.arg(0);
                if (domain == AF_INET || domain == AF_INET6) Flags.IPPROTO.append(c.arg(i) & 0xffffffffL, out);
                else if (domain == AF_NETLINK) NETLINK_PROTOCOLS.append(c.arg(i) & 0xffffffffL, out);
                else out.append((int) c.arg(i));
            }
        };
        byKind[ArgKind.SOCKADDR.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendSockaddr(c, c.arg(i), (int) c.arg(i + 1), reader, out); }
        };
        SockoptDecoders.register(byKind, reader, lengths);
        MsghdrDecoders.register(byKind, reader, lengths);
    }

    private static int family(String name) {
        return (int) Flags.ADDRESS_FAMILY.value(name);
    }

    static void appendSockaddr(Call c, long address, int length, TraceeReader reader, StringBuilder out) {
        if (address == 0 || length <= 0 || !c.verbose) { // -e verbose=: not dereferenced, as strace's umove_or_printaddr
            Num.appendAddress(address, out);
            return;
        }
        int size = Math.min(length, SOCKADDR_MAX);
        byte[] sa = reader.readStruct(c.tid, address, size);
        if (sa == null || size < 2) {
            Num.appendHex(address, out);
            return;
        }
        int family = LittleEndian.u16(sa, 0);
        out.append("{sa_family=");
        Flags.ADDRESS_FAMILY.append(family, out);
        if (family == AF_UNIX) {
            if (size > SUN_PATH) appendUnixPath(sa, size, reader, out);
        } else if (family == AF_INET && size >= 8) {
            out.append(", sin_port=htons(").append(port(sa, SIN_PORT)).append("), sin_addr=inet_addr(");
            int text = out.length();
            appendIpv4(sa, SIN_ADDR, out);
            reader.quoter().quoteAppended(out, text);
            out.append(')');
        } else if (family == AF_NETLINK && size >= SOCKADDR_NL_SIZE) {
            // strace: nl_pad only when set, then the pid and the groups as %#010x
            int pad = LittleEndian.u16(sa, NL_PAD);
            if (pad != 0) {
                out.append(", nl_pad=");
                Num.appendHex(pad, out);
            }
            out.append(", nl_pid=").append(LittleEndian.i32(sa, NL_PID)).append(", nl_groups=");
            long groups = LittleEndian.u32(sa, NL_GROUPS);
            if (groups != 0) out.append("0x");
            Num.appendHexDigits(groups, groups == 0 ? 8 : 6, out);
        } else if (family == AF_INET6 && size >= 24) {
            out.append(", sin6_port=htons(").append(port(sa, SIN_PORT)).append("), sin6_flowinfo=htonl(");
            out.append(bigEndian32(sa, SIN6_FLOWINFO) & 0xffffffffL).append("), inet_pton(AF_INET6, ");
            int text = out.length();
            appendIpv6(sa, SIN6_ADDR, out);
            reader.quoter().quoteAppended(out, text);
            out.append(", &sin6_addr)");
            if (size >= 28) out.append(", sin6_scope_id=").append(LittleEndian.u32(sa, SIN6_SCOPE_ID));
        } else {
            out.append(", ...");
        }
        out.append('}');
    }

    /** sun_path="/run/x", or @"name" for the abstract namespace (a leading NUL). */
    private static void appendUnixPath(byte[] sa, int size, TraceeReader reader, StringBuilder out) {
        out.append(", sun_path=");
        int from = SUN_PATH;
        if (sa[from] == 0) {
            out.append('@');
            from++;
        }
        int end = from;
        while (end < size && sa[end] != 0) end++;
        reader.quote(sa, from, end - from, out);
    }

    private static int port(byte[] sa, int at) {
        return (sa[at] & 0xff) << 8 | (sa[at + 1] & 0xff);
    }

    private static int bigEndian32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static void appendIpv4(byte[] b, int at, StringBuilder out) {
        out.append(b[at] & 0xff).append('.').append(b[at + 1] & 0xff).append('.')
                .append(b[at + 2] & 0xff).append('.').append(b[at + 3] & 0xff);
    }

    /** inet_ntop's text: the longest run of two or more zero groups becomes "::"; IPv4-mapped in dotted form. */
    static void appendIpv6(byte[] b, int at, StringBuilder out) {
        int bestBase = -1, bestLen = 0;
        for (int g = 0; g < 8; ) {
            if (group(b, at, g) != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && group(b, at, g) == 0) g++;
            if (g - start > bestLen) {
                bestBase = start;
                bestLen = g - start;
            }
        }
        if (bestLen < 2) bestBase = -1;
        for (int g = 0; g < 8; g++) {
            if (bestBase >= 0 && g >= bestBase && g < bestBase + bestLen) {
                if (g == bestBase) out.append(':');
                continue;
            }
            if (g != 0) out.append(':');
            if (g == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && group(b, at, 5) == 0xffff))) {
                appendIpv4(b, at + 12, out);
                return;
            }
            int v = group(b, at, g);
            boolean leading = true;
            for (int shift = 12; shift >= 0; shift -= 4) {
                int digit = (v >> shift) & 0xf;
                if (leading && digit == 0 && shift > 0) continue;
                leading = false;
                out.append(Character.forDigit(digit, 16));
            }
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) out.append(':');
    }

    private static int group(byte[] b, int at, int g) {
        return (b[at + 2 * g] & 0xff) << 8 | (b[at + 2 * g + 1] & 0xff);
    }
}
