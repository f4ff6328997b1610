package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * sendmsg's and recvmsg's struct msghdr as strace 6.1 prints it: the address, the iovecs (bounded, for
 * recvmsg, by what it received), and the control messages, SCM_RIGHTS' descriptors and SCM_CREDENTIALS'
 * ucred spelled out. recvmsg's msg_namelen is an in/out length: {@code msg_namelen=110 => 16}, and a recvmsg
 * that failed shows only {@code {msg_namelen=110}}.
 */
final class MsghdrDecoders {
    private MsghdrDecoders() {}

    // struct msghdr on x86_64
    private static final int MSGHDR_SIZE = 56, NAME = 0, NAMELEN = 8, IOV = 16, IOVLEN = 24, CONTROL = 32;
    private static final int CONTROLLEN = 40, FLAGS = 48;
    // struct cmsghdr: size_t cmsg_len, int cmsg_level, int cmsg_type, then the data
    private static final int CMSG_SIZE = 16, CMSG_LEVEL = 8, CMSG_TYPE = 12;
    private static final int UCRED_SIZE = 12;
    private static final FlagSet MSG_FLAGS = Flags.get("msg_flags"), LEVELS = Flags.get("socket_level");
    private static final FlagSet SCM_TYPES = Flags.get("scm_type"), IP_TYPES = Flags.get("ip_cmsg_type");
    private static final int SOL_SOCKET = (int) LEVELS.value("SOL_SOCKET"), SOL_IP = (int) LEVELS.value("SOL_IP");
    private static final int SCM_RIGHTS = scm("SCM_RIGHTS"), SCM_CREDENTIALS = scm("SCM_CREDENTIALS");
    private static final int IP_TTL = ip("IP_TTL"), IP_CHECKSUM = ip("IP_CHECKSUM"), IP_TOS = ip("IP_TOS");
    private static final int IP_RECVOPTS = ip("IP_RECVOPTS"), IP_RETOPTS = ip("IP_RETOPTS");
    /** strace reads at most net.core.optmem_max bytes of control data (rounded up to 8), or this without it. */
    private static final int OPTMEM_MAX = optmemMax(8 * (2 * 1024 + 512));

    private static int scm(String name) {
        return (int) SCM_TYPES.value(name);
    }

    private static int ip(String name) {
        return (int) IP_TYPES.value(name);
    }

    private static int optmemMax(int otherwise) {
        try {
            // read as lines: Files.readString trusts the size /proc reports and returns one byte
            int value = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/optmem_max")).get(0).strip());
            return value > 0 ? (value + 7) & ~7 : otherwise;
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
    }

    /** struct mmsghdr: a msghdr, then the unsigned msg_len the call wrote, padded to 64 bytes. */
    private static final int MMSGHDR_SIZE = 64, MSG_LEN = 56;
    /** strace shows at most IOV_MAX messages of a vector. */
    private static final int IOV_MAX = 1024;

    static void register(ArgDecoder[] byKind, TraceeReader reader, EntryLengths lengths) {
        MemoryDecoders.IovecDecoder iovecs = new MemoryDecoders.IovecDecoder(reader, false);
        Msghdr msghdr = new Msghdr(reader, iovecs);
        // sendmmsg's vector, printed at exit as strace does, with the msg_len of the messages it sent
        byKind[ArgKind.MMSGHDR_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                long vector = c.arg(i), count = c.arg(i + 1) & 0xffffffffL;
                long sent = c.failed() ? 0 : c.returnValue;
                if (vector == 0) {
                    out.append("NULL");
                    return;
                }
                for (long n = 0; n < count; n++) {
                    long at = vector + MMSGHDR_SIZE * n;
                    byte[] mmsg = reader.readStruct(c.tid, at, MMSGHDR_SIZE);
                    if (mmsg == null) {
                        if (n == 0) {
                            Num.appendHex(vector, out);
                            return;
                        }
                        out.append(", ... /* ");
                        Num.appendHex(at, out);
                        out.append(" */]");
                        return;
                    }
                    out.append(n == 0 ? "[" : ", ");
                    if (n == reader.stringLimit() || n == IOV_MAX) {
                        out.append("...");
                        break;
                    }
                    long length = LittleEndian.u32(mmsg, MSG_LEN);
                    out.append("{msg_hdr=");
                    msghdr.append(c, at, EntryLengths.UNKNOWN, -1, out);
                    if (n < sent) out.append(", msg_len=").append(length);
                    out.append('}');
                }
                if (count == 0) out.append('[');
                out.append(']');
            }
        };
        byKind[ArgKind.MSGHDR.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { msghdr.append(c, c.arg(i), EntryLengths.UNKNOWN, -1, out); }
        };
        byKind[ArgKind.MSGHDR_OUT.ordinal()] = new ArgDecoder() {
            @Override public void atEntry(Call c, int i) {
                byte[] msg = reader.readStruct(c.tid, c.arg(i), MSGHDR_SIZE);
                if (msg == null) lengths.forget(c.tid);
                else lengths.remember(c.tid, LittleEndian.i32(msg, NAMELEN));
            }

            @Override public void append(Call c, int i, StringBuilder out) {
                long namelen = lengths.take(c.tid);
                if (namelen == EntryLengths.UNKNOWN) Num.appendAddress(c.arg(i), out);
                else if (c.failed()) out.append("{msg_namelen=").append(namelen).append('}');
                else msghdr.append(c, c.arg(i), namelen, c.returnValue, out);
            }
        };
    }

    /** Prints one msghdr; its fields are copied out first, since printing them reads the tracee again. */
    private static final class Msghdr {
        private final TraceeReader reader;
        private final MemoryDecoders.IovecDecoder iovecs;

        Msghdr(TraceeReader reader, MemoryDecoders.IovecDecoder iovecs) {
            this.reader = reader;
            this.iovecs = iovecs;
        }

        /**
         * @param userNamelen recvmsg's msg_namelen at entry, or UNKNOWN (sendmsg)
         * @param dataSize how much of the iovecs' data to show: what recvmsg received, or -1 for all (sendmsg)
         */
        void append(Call c, long address, long userNamelen, long dataSize, StringBuilder out) {
            byte[] msg = reader.readOrPrintAddress(c.tid, address, MSGHDR_SIZE, out);
            if (msg == null) return;
            long name = LittleEndian.i64(msg, NAME);
            int namelen = LittleEndian.i32(msg, NAMELEN);
            long iov = LittleEndian.i64(msg, IOV), iovlen = LittleEndian.i64(msg, IOVLEN);
            long control = LittleEndian.i64(msg, CONTROL), controllen = LittleEndian.i64(msg, CONTROLLEN);
            long flags = LittleEndian.u32(msg, FLAGS);
            boolean changed = userNamelen != EntryLengths.UNKNOWN && userNamelen != namelen;

            out.append("{msg_name=");
            int shown = userNamelen != EntryLengths.UNKNOWN && namelen > userNamelen ? (int) userNamelen : namelen;
            NetworkDecoders.appendSockaddr(c, name, shown, reader, out);
            out.append(", msg_namelen=");
            if (changed) out.append(userNamelen).append(" => ");
            out.append(namelen);
            out.append(", msg_iov=");
            iovecs.appendIovecs(c.tid, iov, iovlen, dataSize == -1 ? Long.MAX_VALUE : dataSize, false, out);
            out.append(", msg_iovlen=");
            Num.appendUnsigned(iovlen, out);
            if (controllen != 0) {
                out.append(", msg_control=");
                appendControl(c, control, controllen, out);
            }
            out.append(", msg_controllen=");
            Num.appendUnsigned(controllen, out);
            out.append(", msg_flags=");
            MSG_FLAGS.append(flags, out);
            out.append('}');
        }

        /** strace's decode_msg_control: {@code [{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4, 5]}]}. */
        private void appendControl(Call c, long address, long inLength, StringBuilder out) {
            int length = Long.compareUnsigned(inLength, OPTMEM_MAX) > 0 ? OPTMEM_MAX : (int) inLength;
            byte[] buf = length < CMSG_SIZE ? null : reader.readStruct(c.tid, address, length);
            if (buf == null) {
                Num.appendAddress(address, out);
                return;
            }
            out.append('[');
            int at = 0;
            long left = length;
            while (left >= CMSG_SIZE) {
                long cmsgLen = LittleEndian.i64(buf, at);
                int level = LittleEndian.i32(buf, at + CMSG_LEVEL), type = LittleEndian.i32(buf, at + CMSG_TYPE);
                if (at != 0) out.append(", ");
                out.append("{cmsg_len=");
                Num.appendUnsigned(cmsgLen, out);
                out.append(", cmsg_level=");
                LEVELS.appendValue(level & 0xffffffffL, "SOL_???", out);
                out.append(", cmsg_type=");
                long len = Long.compareUnsigned(cmsgLen, left) > 0 ? left : cmsgLen;
                appendTypeAndData(level, type, buf, at + CMSG_SIZE, len > CMSG_SIZE ? (int) (len - CMSG_SIZE) : 0, out);
                out.append('}');
                if (len < CMSG_SIZE) {
                    left -= CMSG_SIZE;
                    break;
                }
                long aligned = (cmsgLen + 7) & ~7L;
                if (Long.compareUnsigned(aligned, left) >= 0) {
                    left = 0;
                    break;
                }
                at += (int) aligned;
                left -= aligned;
            }
            if (left != 0) {
                out.append(", ... /* ");
                Num.appendHex(address + (length - left), out);
                out.append(" */");
            } else if (Long.compareUnsigned(length, inLength) < 0) {
                out.append(", ...");
            }
            out.append(']');
        }

        private void appendTypeAndData(int level, int type, byte[] buf, int data, int dataLength, StringBuilder out) {
            if (level == SOL_SOCKET) {
                SCM_TYPES.append(type & 0xffffffffL, out);
                if (type == SCM_RIGHTS && dataLength >= 4) {
                    out.append(", cmsg_data=");
                    appendArray(buf, data, dataLength / 4, -4, out);
                } else if (type == SCM_CREDENTIALS && dataLength >= UCRED_SIZE) {
                    out.append(", cmsg_data={pid=").append(LittleEndian.i32(buf, data));
                    out.append(", uid=").append(LittleEndian.u32(buf, data + 4));
                    out.append(", gid=").append(LittleEndian.u32(buf, data + 8)).append('}');
                }
            } else if (level == SOL_IP) {
                IP_TYPES.append(type & 0xffffffffL, out);
                if ((type == IP_TTL || type == IP_CHECKSUM) && dataLength >= 4) {
                    out.append(", cmsg_data=");
                    appendArray(buf, data, dataLength / 4, 4, out);
                } else if ((type == IP_TOS || type == IP_RECVOPTS || type == IP_RETOPTS) && dataLength >= 1) {
                    out.append(", cmsg_data=");
                    appendArray(buf, data, dataLength, 1, out);
                }
            } else {
                Num.appendHexOrZero(type & 0xffffffffL, out);
            }
        }

        /**
         * {@code [4, 5]}: elements of the control data, at most -s of them as strace bounds arrays: ints ({@code size}
         * -4), unsigned ints (4), or bytes in hex (1).
         */
        private void appendArray(byte[] buf, int from, int count, int size, StringBuilder out) {
            out.append('[');
            for (int n = 0; n < count; n++) {
                if (n > 0) out.append(", ");
                if (n == reader.stringLimit()) {
                    out.append("...");
                    break;
                }
                int at = from + Math.abs(size) * n;
                if (size == -4) out.append(LittleEndian.i32(buf, at));
                else if (size == 4) out.append(LittleEndian.u32(buf, at));
                else Num.appendHexOrZero(buf[at] & 0xff, out);
            }
            out.append(']');
        }
    }
}
