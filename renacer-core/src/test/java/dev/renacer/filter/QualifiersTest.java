package dev.renacer.filter;

import dev.renacer.syscall.Errno;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.syscall.decode.FdDetail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The -e language beyond trace=, with strace 6.1's names, defaults, order and error messages. */
class QualifiersTest {
    private static final int OPEN = SyscallTable.number("open");
    private static final int OPENAT = SyscallTable.number("openat");
    private static final int CLOSE = SyscallTable.number("close");
    private final List<String> warnings = new ArrayList<>();
    private final Qualifiers q = new Qualifiers(warnings::add);

    @Test
    void aBareOrUnknownPrefixIsATraceExpression() {
        q.qualify("trace=open");
        assertThat(q.trace().traces(OPEN)).isTrue();
        assertThat(q.trace().traces(CLOSE)).isFalse();
        q.qualify("t=close");
        assertThat(q.trace().traces(CLOSE)).isTrue();
        q.qualify("%file");
        assertThat(q.trace().traces(OPENAT)).isTrue();
        q.qualify("trace=!close");
        assertThat(q.trace().traces(CLOSE)).isFalse();
        assertThatThrownBy(() -> q.qualify("bogus=1")).isInstanceOf(FilterException.class)
                .hasMessage("invalid system call 'bogus=1'");
    }

    @Test
    void defaultsAreStracesDefaults() {
        assertThat(q.status()).containsExactlyInAnyOrder(CallStatus.values());
        assertThat(q.quiet()).isEmpty();
        assertThat(q.decodeFds()).isEmpty();
        assertThat(q.signals().contains(17)).isTrue();
        assertThat(q.reads().contains(0)).isFalse();
        assertThat(q.abbrev().traces(OPEN)).isTrue();
        assertThat(q.verbose().traces(OPEN)).isTrue();
        assertThat(q.raw().traces(OPEN)).isFalse();
        assertThat(q.inject().isEmpty()).isTrue();
    }

    @Test
    void setsTakeNamesInAnyCaseNegationAllAndNone() {
        q.qualify("status=Failed,unfinished");
        assertThat(q.status()).containsExactlyInAnyOrder(CallStatus.FAILED, CallStatus.UNFINISHED);
        q.qualify("status=!successful");
        assertThat(q.status()).doesNotContain(CallStatus.SUCCESSFUL).contains(CallStatus.DETACHED);
        q.qualify("signal=SIGCHLD,term,9");
        assertThat(q.signals().contains(17)).isTrue();
        assertThat(q.signals().contains(15)).isTrue();
        assertThat(q.signals().contains(9)).isTrue();
        assertThat(q.signals().contains(2)).isFalse();
        q.qualify("s=!all");
        assertThat(q.signals().contains(17)).isFalse();
        q.qualify("quiet=exits,superseded");
        assertThat(q.quiet()).containsExactlyInAnyOrder(Quiet.EXIT, Quiet.THREAD_EXECVE);
        q.qualify("read=3,0");
        assertThat(q.reads().contains(3)).isTrue();
        assertThat(q.reads().contains(4)).isFalse();
        q.qualify("decode-fds=socket,DEV");
        assertThat(q.decodeFds()).containsExactlyInAnyOrder(FdDetail.SOCKET, FdDetail.DEV);
    }

    @Test
    void aLaterQualifierReplacesAnEarlierOneOfItsName() {
        q.status("successful");
        q.qualify("status=failed");
        assertThat(q.status()).containsExactly(CallStatus.FAILED);
    }

    @Test
    void badTokensAreNamedAsStraceNamesThem() {
        assertThatThrownBy(() -> q.qualify("status=foo")).hasMessage("invalid status 'foo'");
        assertThatThrownBy(() -> q.qualify("signal=FOO")).hasMessage("invalid signal 'FOO'");
        assertThatThrownBy(() -> q.qualify("signal=256")).hasMessage("invalid signal '256'");
        assertThatThrownBy(() -> q.qualify("quiet=x")).hasMessage("invalid quiet 'x'");
        assertThatThrownBy(() -> q.qualify("read=x")).hasMessage("invalid descriptor 'x'");
        assertThatThrownBy(() -> q.qualify("write=-1")).hasMessage("invalid descriptor '-1'");
        assertThatThrownBy(() -> q.qualify("decode-fds=paths")).hasMessage("invalid decode-fds 'paths'");
        assertThatThrownBy(() -> q.qualify("status=")).hasMessage("invalid status ''");
        assertThatThrownBy(() -> q.qualify("kvm=vcpu")).hasMessage("-e kvm= is not supported by renacer");
    }

    @Test
    void qAndYConflictWithTheirQualifiersAsInStrace() {
        q.qualify("quiet=exit");
        assertThatThrownBy(() -> q.quietFlags(1)).hasMessage("-q and -e quiet/--quiet cannot be provided simultaneously");
        Qualifiers other = new Qualifiers(warnings::add);
        other.decodeFds("path");
        assertThatThrownBy(() -> other.decodeFdFlags(2)).hasMessage("-y and --decode-fds cannot be provided simultaneously");
    }

    @Test
    void qFlagsAndYFlagsMeanWhatStracesMean() {
        q.quietFlags(2);
        assertThat(q.quiet()).containsExactlyInAnyOrder(Quiet.ATTACH, Quiet.PERSONALITY, Quiet.EXIT);
        q.quietFlags(3);
        assertThat(q.quiet()).containsExactlyInAnyOrder(Quiet.values());
        q.decodeFdFlags(1);
        assertThat(q.decodeFds()).containsExactly(FdDetail.PATH);
        q.decodeFdFlags(2);
        assertThat(q.decodeFds()).isEqualTo(EnumSet.allOf(FdDetail.class));
    }

    @Test
    void injectTakesEveryCallByDefaultAndWhenSelectsCalls() {
        q.qualify("inject=openat:error=ENOENT");
        InjectTable t = q.inject();
        int slot = t.slot(OPENAT);
        assertThat(slot).isNotNegative();
        assertThat(t.slot(CLOSE)).isNegative();
        assertThat(t.action(slot).errno()).isEqualTo(Errno.number("ENOENT"));
        int[] counters = t.counters();
        assertThat(fired(t, slot, counters, 3)).containsExactly(true, true, true);

        q.qualify("inject=close:retval=42:when=2..3");
        t = q.inject();
        assertThat(fired(t, t.slot(CLOSE), t.counters(), 5)).containsExactly(false, true, true, false, false);
        assertThat(t.action(t.slot(CLOSE)).retval()).isEqualTo(42);
        assertThat(t.slot(OPENAT)).as("the earlier injection stays").isNotNegative();

        q.qualify("inject=close:error=EIO:when=3");
        t = q.inject();
        assertThat(fired(t, t.slot(CLOSE), t.counters(), 5)).containsExactly(false, false, true, false, false);
        q.qualify("inject=close:error=EIO:when=2+2");
        t = q.inject();
        assertThat(fired(t, t.slot(CLOSE), t.counters(), 6)).containsExactly(false, true, false, true, false, true);
        q.qualify("inject=close:error=EIO:when=2+");
        t = q.inject();
        assertThat(fired(t, t.slot(CLOSE), t.counters(), 4)).containsExactly(false, true, true, true);
    }

    @Test
    void injectAndFaultTokens() {
        q.qualify("inject=%file:signal=SIGUSR1:delay_enter=1ms:delay_exit=2");
        InjectAction a = q.inject().action(q.inject().slot(OPENAT));
        assertThat(a.signal()).isEqualTo(10);
        assertThat(a.delayEnterNanos()).isEqualTo(1_000_000);
        assertThat(a.delayExitNanos()).isEqualTo(2_000);
        assertThat(a.tampersWithResult()).isFalse();
        q.qualify("fault=close");
        a = q.inject().action(q.inject().slot(CLOSE));
        assertThat(a.errno()).as("fault= fails with ENOSYS by default").isEqualTo(Errno.number("ENOSYS"));
        q.qualify("inject=close:error=eacces:syscall=getpid");
        a = q.inject().action(q.inject().slot(CLOSE));
        assertThat(a.errno()).isEqualTo(Errno.number("EACCES"));
        assertThat(a.replacementSyscall()).isEqualTo(SyscallTable.number("getpid"));
        q.qualify("inject=close:retval=0x10");
        assertThat(q.inject().action(q.inject().slot(CLOSE)).retval()).isEqualTo(16);
    }

    @Test
    void malformedInjectionsAreRefusedWhole() {
        for (String bad : new String[] {"open:foo", "open", "open:when=0:error=EIO", "open:error=EIO:retval=1",
                "open:error=0", "open:error=4096", "open:signal=99", "open:delay_enter=x", "open:when=3..2:error=EIO",
                "open:when=1..65535:error=EIO", "open:syscall=write:error=EIO", "open:error=EIO:error=EIO"}) {
            assertThatThrownBy(() -> q.qualify("inject=" + bad)).as(bad).hasMessage("invalid inject argument '" + bad + "'");
        }
        assertThatThrownBy(() -> q.qualify("fault=open:retval=1")).hasMessage("invalid fault argument 'open:retval=1'");
        assertThatThrownBy(() -> q.qualify("inject=opne:error=EIO")).hasMessage("invalid system call 'opne'");
        assertThatThrownBy(() -> q.qualify("inject=:error=EIO")).hasMessage("invalid system call ''");
    }

    @Test
    void aRetvalInTheErrorRangeIsAcceptedWithStracesWarning() {
        q.qualify("inject=close:retval=-1");
        assertThat(warnings).containsExactly("Inadvertent injection of error 1 is possible for retval=18446744073709551615");
    }

    private static List<Boolean> fired(InjectTable t, int slot, int[] counters, int calls) {
        List<Boolean> fired = new ArrayList<>();
        for (int i = 0; i < calls; i++) fired.add(t.fires(slot, counters));
        return fired;
    }
}
