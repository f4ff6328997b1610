package dev.renacer.syscall.decode;

import dev.renacer.syscall.FileDescriptors;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;

import java.nio.charset.StandardCharsets;

/**
 * -yy's socket endpoints, as strace 6.1's socketutils.c finds and prints them: the socket's protocol
 * from its descriptor, then a sock_diag query for its inode, {@code TCP:[127.0.0.1:45678->127.0.0.1:80]},
 * {@code UNIX-STREAM:[1234->1235,"/run/x"]}, {@code NETLINK:[ROUTE:4321]}; when the kernel does not
 * know the socket (not bound yet) {@code TCP:[1234]}. What was found is kept per inode in strace's
 * cache (1024 slots by inode), so a socket prints the endpoints first found for it, as in strace.
 * Allocates only to fill a cache slot for the first time.
 */
final class SocketDetails {
    private static final int CACHE_SIZE = 1024;
    private static final int NLMSG_HDRLEN = 16, NLMSG_ERROR = 2, NLMSG_DONE = 3;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300;
    private static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    private static final int IPPROTO_IP = 0, IPPROTO_ICMP = 1, IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_DCCP = 33,
            IPPROTO_L2TP = 115, IPPROTO_SCTP = 132, IPPROTO_UDPLITE = 136, IPPROTO_RAW = 255;
    private static final int UDIAG_SHOW_NAME = 1, UDIAG_SHOW_PEER = 4, UNIX_DIAG_NAME = 0, UNIX_DIAG_PEER = 2;
    private static final int NDIAG_PROTO_ALL = 255;
    private static final int UNIX_PATH_MAX = 108;
    private static final FlagSet NETLINK_PROTOCOLS = Flags.get("netlink_protocol");

    private enum Query { UNIX, INET, NETLINK }

    /** socketutils.c's protocols[]: the name the kernel gives, how to ask about it, family and protocol. */
    private record Protocol(String name, byte[] bytes, Query query, int family, int protocol) {
        Protocol(String name, Query query, int family, int protocol) {
            this(name, name.getBytes(StandardCharsets.US_ASCII), query, family, protocol);
        }
    }

    private static final Protocol[] PROTOCOLS = {
        new Protocol("UNIX", Query.UNIX, AF_UNIX, 0),
        new Protocol("UNIX-STREAM", Query.UNIX, AF_UNIX, 0),
        new Protocol("TCP", Query.INET, AF_INET, IPPROTO_TCP),
        new Protocol("UDP", Query.INET, AF_INET, IPPROTO_UDP),
        new Protocol("UDPLITE", Query.INET, AF_INET, IPPROTO_UDPLITE),
        new Protocol("DCCP", Query.INET, AF_INET, IPPROTO_DCCP),
        new Protocol("SCTP", Query.INET, AF_INET, IPPROTO_SCTP),
        new Protocol("L2TP/IP", Query.INET, AF_INET, IPPROTO_L2TP),
        new Protocol("PING", Query.INET, AF_INET, IPPROTO_ICMP),
        new Protocol("RAW", Query.INET, AF_INET, IPPROTO_RAW),
        new Protocol("TCPv6", Query.INET, AF_INET6, IPPROTO_TCP),
        new Protocol("UDPv6", Query.INET, AF_INET6, IPPROTO_UDP),
        new Protocol("UDPLITEv6", Query.INET, AF_INET6, IPPROTO_UDPLITE),
        new Protocol("DCCPv6", Query.INET, AF_INET6, IPPROTO_DCCP),
        new Protocol("SCTPv6", Query.INET, AF_INET6, IPPROTO_SCTP),
        new Protocol("L2TP/IPv6", Query.INET, AF_INET6, IPPROTO_L2TP),
        new Protocol("PINGv6", Query.INET, AF_INET6, IPPROTO_ICMP),
        new Protocol("RAWv6", Query.INET, AF_INET6, IPPROTO_RAW),
        new Protocol("NETLINK", Query.NETLINK, AF_NETLINK, 0),
    };

    private final FileDescriptors fds;
    private final Quoter quoter;
    private final long[] cachedInodes = new long[CACHE_SIZE];
    private final StringBuilder[] cachedDetails = new StringBuilder[CACHE_SIZE];
    private final byte[] protocolName = new byte[64];
    private final byte[] request = new byte[NLMSG_HDRLEN + 56];
    private final StringBuilder found = new StringBuilder(128);
    /** What the answer being read is searched for: set before each query, read by {@link #reader}. */
    private long wantedInode;
    private Protocol asking;
    private final FileDescriptors.DiagnosticsReader reader = this::readDatagram;

    SocketDetails(FileDescriptors fds, Quoter quoter) {
        this.fds = fds;
        this.quoter = quoter;
    }

    /**
     * Appends the details of socket {@code inode} (descriptor {@code fd} of {@code tid}) and returns true, or
     * returns false when there are none to print (strace then prints the link, {@code socket:[1234]}).
     */
    boolean append(int tid, int fd, long inode, StringBuilder out) {
        int slot = (int) (inode & (CACHE_SIZE - 1));
        if (cachedInodes[slot] == inode && cachedDetails[slot] != null) {
            out.append(cachedDetails[slot]);
            return true;
        }
        Protocol protocol = protocolOf(tid, fd);
        if (protocol != null) {
            if (lookUp(protocol, inode)) return cacheAndAppend(slot, inode, out);
            out.append(protocol.name).append(":[").append(inode).append(']');
            return true;
        }
        for (Protocol p : PROTOCOLS) {
            if (lookUp(p, inode)) return cacheAndAppend(slot, inode, out);
        }
        return false;
    }

    private boolean cacheAndAppend(int slot, long inode, StringBuilder out) {
        StringBuilder cached = cachedDetails[slot];
        if (cached == null) cachedDetails[slot] = cached = new StringBuilder(found.length() + 16);
        cached.setLength(0);
        cached.append(found);
        cachedInodes[slot] = inode;
        out.append(cached);
        return true;
    }

    private Protocol protocolOf(int tid, int fd) {
        int n = fds.socketProtocol(tid, fd, protocolName);
        if (n <= 0) return null;
        for (Protocol p : PROTOCOLS) {
            if (p.bytes.length != n) continue;
            boolean same = true;
            for (int i = 0; i < n && same; i++) same = p.bytes[i] == protocolName[i];
            if (same) return p;
        }
        return null;
    }

    /** Asks the kernel about {@code inode} as {@code p}; on success the details are in {@link #found}. */
    private boolean lookUp(Protocol p, long inode) {
        int length = switch (p.query) {
            case UNIX -> unixRequest(inode);
            case INET -> inetRequest(p);
            case NETLINK -> netlinkRequest();
        };
        wantedInode = inode;
        asking = p;
        found.setLength(0);
        return fds.socketDiagnostics(request, length, reader) && found.length() > 0;
    }

    private int header(int payload, int flags) {
        java.util.Arrays.fill(request, (byte) 0);
        int length = NLMSG_HDRLEN + payload;
        putInt(0, length);
        putShort(4, SOCK_DIAG_BY_FAMILY);
        putShort(6, NLM_F_REQUEST | flags);
        return length;
    }

    /** struct inet_diag_req_v2: every socket of the family and protocol, in any state. */
    private int inetRequest(Protocol p) {
        int length = header(56, NLM_F_DUMP);
        request[NLMSG_HDRLEN] = (byte) p.family;
        request[NLMSG_HDRLEN + 1] = (byte) p.protocol;
        putInt(NLMSG_HDRLEN + 4, -1);
        return length;
    }

    /** struct unix_diag_req for one inode, with its name and peer. */
    private int unixRequest(long inode) {
        int length = header(24, 0);
        request[NLMSG_HDRLEN] = AF_UNIX;
        putInt(NLMSG_HDRLEN + 4, -1);
        putInt(NLMSG_HDRLEN + 8, (int) inode);
        putInt(NLMSG_HDRLEN + 12, UDIAG_SHOW_NAME | UDIAG_SHOW_PEER);
        putInt(NLMSG_HDRLEN + 16, -1);
        putInt(NLMSG_HDRLEN + 20, -1);
        return length;
    }

    /** struct netlink_diag_req: every netlink socket. */
    private int netlinkRequest() {
        int length = header(20, NLM_F_DUMP);
        request[NLMSG_HDRLEN] = AF_NETLINK;
        request[NLMSG_HDRLEN + 1] = (byte) NDIAG_PROTO_ALL;
        return length;
    }

    /** One datagram of the answer: true when done (found, an error, or the end of the dump). */
    private boolean readDatagram(byte[] d, int length) {
        int at = 0;
        while (at + NLMSG_HDRLEN <= length) {
            int messageLength = LittleEndian.i32(d, at);
            int type = LittleEndian.u16(d, at + 4);
            if (messageLength < NLMSG_HDRLEN || at + messageLength > length) return true;
            if (type == NLMSG_DONE || type == NLMSG_ERROR || type != SOCK_DIAG_BY_FAMILY) return true;
            int rc = switch (asking.query) {
                case INET -> inet(d, at + NLMSG_HDRLEN, messageLength - NLMSG_HDRLEN);
                case UNIX -> unix(d, at + NLMSG_HDRLEN, messageLength - NLMSG_HDRLEN);
                case NETLINK -> netlink(d, at + NLMSG_HDRLEN, messageLength - NLMSG_HDRLEN);
            };
            if (rc != 0) return true;
            at += (messageLength + 3) & ~3;
        }
        return false;
    }

    /** struct inet_diag_msg: 1 when it is the socket (details in {@link #found}), 0 when another, -1 on junk. */
    private int inet(byte[] d, int at, int length) {
        if (length < 72) return -1;
        if (LittleEndian.u32(d, at + 68) != wantedInode) return 0;
        int family = d[at] & 0xff;
        if (family != AF_INET && family != AF_INET6) return -1;
        boolean v6 = family == AF_INET6;
        int sport = bigEndian16(d, at + 4), dport = bigEndian16(d, at + 6);
        found.append(asking.name).append(":[");
        address(d, at + 8, v6);
        found.append(':').append(sport);
        boolean zeroDestination = dport == 0;
        for (int i = 0; i < (v6 ? 16 : 4) && zeroDestination; i++) zeroDestination = d[at + 24 + i] == 0;
        if (!zeroDestination) {
            found.append("->");
            address(d, at + 24, v6);
            found.append(':').append(dport);
        }
        found.append(']');
        return 1;
    }

    private void address(byte[] d, int at, boolean v6) {
        if (!v6) {
            NetworkDecoders.appendIpv4(d, at, found);
            return;
        }
        found.append('[');
        NetworkDecoders.appendIpv6(d, at, found);
        found.append(']');
    }

    /** struct unix_diag_msg and its attributes: {@code UNIX-STREAM:[INODE->PEER,"path"]}. */
    private int unix(byte[] d, int at, int length) {
        if (length < 16) return -1;
        if (LittleEndian.u32(d, at + 4) != wantedInode) return 0;
        if ((d[at] & 0xff) != AF_UNIX) return -1;
        long peer = 0;
        int pathAt = -1, pathLength = 0;
        for (int a = at + 16; a + 4 <= at + length; ) {
            int attributeLength = LittleEndian.u16(d, a);
            int attributeType = LittleEndian.u16(d, a + 2);
            if (attributeLength < 4 || a + attributeLength > at + length) break;
            if (attributeType == UNIX_DIAG_NAME && pathAt < 0) {
                pathAt = a + 4;
                pathLength = Math.min(attributeLength - 4, UNIX_PATH_MAX);
            } else if (attributeType == UNIX_DIAG_PEER && attributeLength >= 8) {
                peer = LittleEndian.u32(d, a + 4);
            }
            a += (attributeLength + 3) & ~3;
        }
        if (peer == 0 && pathLength == 0) return -1;
        found.append(asking.name).append(":[").append(wantedInode);
        if (peer != 0) found.append("->").append(peer);
        if (pathLength > 0) {
            found.append(',');
            int from = pathAt;
            if (d[from] == 0) { // the abstract namespace
                found.append('@');
                from++;
            }
            int end = from;
            while (end < pathAt + pathLength && d[end] != 0) end++;
            quoter.quote(d, from, end - from, found);
        }
        found.append(']');
        return 1;
    }

    /** struct netlink_diag_msg: {@code NETLINK:[ROUTE:1234]}. */
    private int netlink(byte[] d, int at, int length) {
        if (length < 28) return -1;
        if (LittleEndian.u32(d, at + 16) != wantedInode) return 0;
        if ((d[at] & 0xff) != AF_NETLINK) return -1;
        int protocol = d[at + 2] & 0xff;
        long portId = LittleEndian.u32(d, at + 4);
        String name = NETLINK_PROTOCOLS.nameOf(protocol);
        found.append(asking.name).append(":[");
        if (name != null) found.append(name, "NETLINK_".length(), name.length()).append(':').append(portId);
        else found.append(protocol);
        found.append(']');
        return 1;
    }

    private static int bigEndian16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private void putInt(int at, int value) {
        request[at] = (byte) value;
        request[at + 1] = (byte) (value >> 8);
        request[at + 2] = (byte) (value >> 16);
        request[at + 3] = (byte) (value >> 24);
    }

    private void putShort(int at, int value) {
        request[at] = (byte) value;
        request[at + 1] = (byte) (value >> 8);
    }
}
