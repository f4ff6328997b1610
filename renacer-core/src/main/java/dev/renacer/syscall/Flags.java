package dev.renacer.syscall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flag sets of the {@code flags-*.tbl} files (one file per concern), loaded once; the decoders
 * ({@code syscall.decode}) keep references to the sets they print, and the syscall table names others
 * as {@code @set}.
 */
public final class Flags {
    // Before SETS: static fields initialise in textual order.
    private static final String[] FILES = {
        "flags-files.tbl", "flags-memory.tbl", "flags-process.tbl", "flags-network.tbl", "flags-signals.tbl",
    };
    private static final Map<String, FlagSet> SETS = load();

    public static final FlagSet OPEN = get("open_flags");
    public static final FlagSet AT = get("at_flags");
    public static final FlagSet MAP_TYPE = get("map_type");
    public static final FlagSet MAP = get("map_flags");
    public static final FlagSet FCNTL_CMD = get("fcntl_cmd");
    public static final FlagSet FD_CLOEXEC = get("fd_cloexec");
    public static final FlagSet SA = get("sa_flags");
    public static final FlagSet FILE_TYPE = get("file_type");
    public static final FlagSet MODE_BITS = get("mode_bits");
    public static final FlagSet CLONE = get("clone_flags");
    public static final FlagSet CLOCKID = get("clockid");
    public static final FlagSet FUTEX_CMD = get("futex_cmd");
    public static final FlagSet IOCTL = get("ioctl_cmd");
    public static final FlagSet ADDRESS_FAMILY = get("address_family");
    public static final FlagSet SOCKET_TYPE = get("socket_type");
    public static final FlagSet SOCKET_FLAGS = get("socket_flags");
    public static final FlagSet IPPROTO = get("ipproto");
    public static final FlagSet POLL = get("poll_events");
    public static final FlagSet SO_OPTIONS = get("sol_socket_options");
    public static final FlagSet IP_OPTIONS = get("sol_ip_options");
    public static final FlagSet TCP_OPTIONS = get("sol_tcp_options");
    public static final FlagSet IPV6_OPTIONS = get("sol_ipv6_options");
    public static final FlagSet FSMAGIC = get("fsmagic");
    public static final FlagSet PRCTL = get("prctl_option");
    public static final FlagSet CAPABILITY = get("capability");
    public static final FlagSet SUID_DUMP = get("suid_dump");
    public static final FlagSet SECCOMP_MODE = get("seccomp_mode");
    public static final FlagSet STATFS_FLAGS = get("statfs_flags");
    public static final FlagSet STATX_SYNC = get("statx_sync");
    public static final FlagSet STATX_MASK = get("statx_mask");
    public static final FlagSet STATX_ATTRS = get("statx_attrs");

    private Flags() {}

    /** The set the flags-*.tbl files call {@code name}; throws for a name they lack. */
    public static FlagSet get(String name) {
        FlagSet set = SETS.get(name);
        if (set == null) throw new IllegalStateException("no flag set " + name + " in " + String.join(", ", FILES));
        return set;
    }

    private static Map<String, FlagSet> load() {
        Map<String, FlagSet> sets = new HashMap<>();
        for (String file : FILES) load(file, sets);
        return sets;
    }

    private static void load(String file, Map<String, FlagSet> sets) {
        String name = null;
        boolean bitwise = false;
        String fallback = null;
        String unknown = null;
        List<Long> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String[]> rows = TableLines.read(file);
        rows.add(new String[] {"@end", "values"});
        for (String[] row : rows) {
            if (row[0].startsWith("@")) {
                if (name != null && sets.put(name, build(name, bitwise, fallback, unknown, values, names)) != null) {
                    throw new IllegalStateException(file + " defines the set " + name + " again");
                }
                name = row[0].substring(1);
                bitwise = row[1].equals("flags");
                fallback = row.length > 2 ? row[2] : null;
                unknown = row.length > 3 ? row[3] : null;
                values.clear();
                names.clear();
            } else {
                names.add(row[0]);
                values.add(Long.decode(row[1]));
            }
        }
    }

    private static FlagSet build(String name, boolean bitwise, String fallback, String unknown, List<Long> values,
            List<String> names) {
        long[] v = new long[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = values.get(i);
        return new FlagSet(name, bitwise, fallback, unknown, v, names.toArray(new String[0]));
    }
}
