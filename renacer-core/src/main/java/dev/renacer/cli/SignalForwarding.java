package dev.renacer.cli;

import dev.renacer.trace.Tracer;
import sun.misc.Signal;

/**
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT to renacer, as strace handles them: attached processes are
 * detached and go on running; a launched command gets the same signal (it is renacer's child and
 * would get a terminal's SIGINT anyway). The JVM's default handlers would instead exit at once and,
 * through PTRACE_O_EXITKILL, kill the launched command without a word in the trace.
 */
final class SignalForwarding {
    private SignalForwarding() {}

    static void install(Tracer tracer) {
        for (String name : new String[] {"INT", "TERM", "HUP", "QUIT"}) {
            try {
                Signal.handle(new Signal(name), s -> tracer.requestDetach(s.getNumber()));
            } catch (IllegalArgumentException e) {
                // the JVM reserves this signal here (e.g. QUIT without -Xrs): keep its handler
            }
        }
    }
}
