package dev.renacer.linux;

import com.sun.jna.Pointer;

/** Who renacer runs as, and the password database's users, for -u. */
public final class Users {
    private static final int PW_UID = 16, PW_GID = 20;

    private Users() {}

    /** True when renacer's real and effective uids are both root's (strace's test for -u). */
    public static boolean root() {
        return CheckedLibC.getuid() == 0 && CheckedLibC.geteuid() == 0;
    }

    /** {uid, gid} of the user {@code name} (getpwnam), or null when there is none. */
    public static int[] lookUp(String name) {
        Pointer entry = CheckedLibC.getpwnam(name);
        if (entry == null) return null;
        return new int[] {entry.getInt(PW_UID), entry.getInt(PW_GID)};
    }
}
