package dev.renacer.syscall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flag sets of the {@code flags-*.tbl} files (one file per concern), loaded once; decoders keep
 * references to the sets they print, and the syscall table names others as {@code @set}.
 */
final class Flags {
    // Before SETS: static fields initialise in textual order.
    private static final String[] FILES = {
        "flags-files.tbl", "flags-memory.tbl", "flags-process.tbl", "flags-network.tbl", "flags-signals.tbl",
    };
    private static final Map<String, FlagSet> SETS = load();

    static final FlagSet OPEN = get("open_flags");
    static final FlagSet AT = get("at_flags");
    static final FlagSet MAP_TYPE = get("map_type");
    static final FlagSet MAP = get("map_flags");
    static final FlagSet FCNTL_CMD = get("fcntl_cmd");
    static final FlagSet FD_CLOEXEC = get("fd_cloexec");
    static final FlagSet SA = get("sa_flags");
    static final FlagSet FILE_TYPE = get("file_type");
    static final FlagSet MODE_BITS = get("mode_bits");
    static final FlagSet CLONE = get("clone_flags");
    static final FlagSet CLOCKID = get("clockid");
    static final FlagSet FUTEX_CMD = get("futex_cmd");
    static final FlagSet IOCTL = get("ioctl_cmd");
    static final FlagSet ADDRESS_FAMILY = get("address_family");
    static final FlagSet SOCKET_TYPE = get("socket_type");
    static final FlagSet SOCKET_FLAGS = get("socket_flags");
    static final FlagSet IPPROTO = get("ipproto");
    static final FlagSet POLL = get("poll_events");
    static final FlagSet SO_OPTIONS = get("sol_socket_options");
    static final FlagSet IP_OPTIONS = get("sol_ip_options");
    static final FlagSet TCP_OPTIONS = get("sol_tcp_options");
    static final FlagSet IPV6_OPTIONS = get("sol_ipv6_options");
    static final FlagSet FSMAGIC = get("fsmagic");
    static final FlagSet PRCTL = get("prctl_option");
    static final FlagSet CAPABILITY = get("capability");
    static final FlagSet SUID_DUMP = get("suid_dump");
    static final FlagSet SECCOMP_MODE = get("seccomp_mode");
    static final FlagSet STATFS_FLAGS = get("statfs_flags");
    static final FlagSet STATX_SYNC = get("statx_sync");
    static final FlagSet STATX_MASK = get("statx_mask");
    static final FlagSet STATX_ATTRS = get("statx_attrs");

    private Flags() {}

    static FlagSet get(String name) {
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
