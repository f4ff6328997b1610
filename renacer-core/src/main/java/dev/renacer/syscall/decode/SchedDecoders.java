package dev.renacer.syscall.decode;

import dev.renacer.syscall.ArgKind;
import dev.renacer.syscall.FlagSet;
import dev.renacer.syscall.Flags;
import dev.renacer.syscall.LittleEndian;
import dev.renacer.syscall.Num;

/**
 * Scheduling and process-relation arguments: struct sched_param, I/O priorities, kcmp's type with the
 * arguments it uses, and the values get_robust_list writes back.
 */
final class SchedDecoders {
    private SchedDecoders() {}

    private static final FlagSet IOPRIO_CLASS = Flags.get("ioprio_class");
    private static final FlagSet KCMP_TYPE = Flags.get("kcmp_type");
    private static final int IOPRIO_CLASS_SHIFT = 13, IOPRIO_DATA_MASK = (1 << IOPRIO_CLASS_SHIFT) - 1;
    private static final int KCMP_FILE = (int) KCMP_TYPE.value("KCMP_FILE");
    private static final int KCMP_EPOLL_TFD = (int) KCMP_TYPE.value("KCMP_EPOLL_TFD");
    /** The last of the types that compare whole resources; those after it are unknown to strace 6.1. */
    private static final int KCMP_SYSVSEM = (int) KCMP_TYPE.value("KCMP_SYSVSEM");
    // kcmp(pid1, pid2, type, idx1, idx2)
    private static final int IDX1 = 3, IDX2 = 4;

    static void register(ArgDecoder[] byKind, TraceeReader reader) {
        ArgDecoder schedParam = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] param = reader.readOutputOrPrintAddress(c, c.arg(i), 4, out);
                if (param != null) out.append('[').append(LittleEndian.i32(param, 0)).append(']'); // [sched_priority]
            }
        };
        byKind[ArgKind.SCHED_PARAM.ordinal()] = schedParam;
        byKind[ArgKind.SCHED_PARAM_OUT.ordinal()] = schedParam;
        byKind[ArgKind.IOPRIO.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendIoprio((int) c.arg(i), out); }
        };
        byKind[ArgKind.KCMP_TYPE.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) { appendKcmp(c, i, reader, out); }
        };
        byKind[ArgKind.ADDR_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] word = reader.readOutputOrPrintAddress(c, c.arg(i), 8, out);
                if (word == null) return;
                out.append('[');
                Num.appendAddress(LittleEndian.i64(word, 0), out);
                out.append(']');
            }
        };
        byKind[ArgKind.ULONG_OUT.ordinal()] = new ArgDecoder() {
            @Override
            public void append(Call c, int i, StringBuilder out) {
                byte[] word = reader.readOutputOrPrintAddress(c, c.arg(i), 8, out);
                if (word == null) return;
                out.append('[');
                Num.appendUnsigned(LittleEndian.i64(word, 0), out);
                out.append(']');
            }
        };
    }

    /** {@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)}: the class in the bits above 13, the data below. */
    static void appendIoprio(int ioprio, StringBuilder out) {
        out.append("IOPRIO_PRIO_VALUE(");
        IOPRIO_CLASS.append((ioprio & 0xffffffffL) >>> IOPRIO_CLASS_SHIFT, out);
        out.append(", ").append(ioprio & IOPRIO_DATA_MASK).append(')');
    }

    /** ioprio_get's result: {@code 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))}. */
    static void appendIoprioResult(long result, StringBuilder out) {
        out.append(result).append(" (");
        appendIoprio((int) result, out);
        out.append(')');
    }

    /**
     * The type, then what it compares: two descriptors for KCMP_FILE, a descriptor and a struct
     * kcmp_epoll_slot for KCMP_EPOLL_TFD, nothing for the types that compare whole resources, and both
     * raw values in hex for a type strace does not know.
     */
    private static void appendKcmp(Call c, int i, TraceeReader reader, StringBuilder out) {
        int type = (int) c.arg(i);
        KCMP_TYPE.append(type & 0xffffffffL, out);
        if (type == KCMP_FILE) {
            out.append(", ").append((int) c.arg(IDX1)).append(", ").append((int) c.arg(IDX2));
        } else if (type == KCMP_EPOLL_TFD) {
            out.append(", ").append((int) c.arg(IDX1)).append(", ");
            byte[] slot = reader.readOrPrintAddress(c.tid, c.arg(IDX2), 12, out);
            if (slot == null) return;
            out.append("{efd=").append(LittleEndian.i32(slot, 0)).append(", tfd=").append(LittleEndian.i32(slot, 4));
            out.append(", toff=").append(LittleEndian.u32(slot, 8)).append('}');
        } else if (type < 0 || type > KCMP_SYSVSEM) {
            out.append(", ");
            Num.appendHexOrZero(c.arg(IDX1), out);
            out.append(", ");
            Num.appendHexOrZero(c.arg(IDX2), out);
        }
    }
}
