package dev.renacer.filter;

import dev.renacer.syscall.Signals;

/** Signals as strace's -e language names them (sigstr_to_uint): a number up to 255, or a name with or without SIG, in any case. */
final class SignalNames {
    private SignalNames() {}

    static int lookup(String token) {
        if (!token.isEmpty() && token.charAt(0) >= '0' && token.charAt(0) <= '9') {
            int n = NumberSet.unsigned(token);
            return n > 255 ? -1 : n;
        }
        String name = token.regionMatches(true, 0, "SIG", 0, 3) ? token.substring(3) : token;
        for (int s = 1; s <= Signals.MAX_SIGNAL; s++) {
            String known = Signals.name(s);
            if (known.startsWith("SIG") && known.substring(3).equalsIgnoreCase(name)) return s;
        }
        return -1;
    }
}
