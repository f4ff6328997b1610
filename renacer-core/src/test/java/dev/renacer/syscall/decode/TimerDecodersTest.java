package dev.renacer.syscall.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** POSIX and timerfd timers: struct itimerspec and struct sigevent; expected texts are strace 6.1's for the same calls. */
class TimerDecodersTest extends DecoderTestBase {
    private static final long BAD = 0xdead0000L;

    @Test
    void timersShowItimerspecsAndSigevents() {
        long its = memory.map(le(32).putLong(1).putLong(2).putLong(1000).putLong(3).array());
        long old = memory.map(le(32).array());
        assertThat(line("timerfd_settime", 0, 5, 1, its, old)).isEqualTo("5, TFD_TIMER_ABSTIME, {it_interval={tv_sec=1, "
                + "tv_nsec=2}, it_value={tv_sec=1000, tv_nsec=3}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, "
                + "tv_nsec=0}} = 0");
        assertThat(line("timerfd_settime", -14, 5, 0x10, BAD, old))
                .isEqualTo("5, 0x10 /* TFD_??? */, 0xdead0000, 0x" + Long.toHexString(old) + " = -1 EFAULT (Bad address)");
        assertThat(line("timerfd_gettime", -14, 5, 0)).isEqualTo("5, NULL = -1 EFAULT (Bad address)");
        assertThat(line("timer_settime", 0, 1, 1, its, 0)).startsWith("1, TIMER_ABSTIME, {it_interval=");
        assertThat(line("timer_gettime", 0, 1, its)).isEqualTo(
                "1, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=1000, tv_nsec=3}} = 0");

        long id = memory.map(le(4).putInt(2).array());
        long thread = memory.map(le(64).putLong(0x1234).putInt(10).putInt(2).putLong(0x5678).putLong(0x9abc).array());
        assertThat(line("timer_create", 0, 1, thread, id)).isEqualTo("CLOCK_MONOTONIC, {sigev_value={sival_int=4660, "
                + "sival_ptr=0x1234}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD, sigev_notify_function=0x5678, "
                + "sigev_notify_attributes=0x9abc}, [2] = 0");
        long odd = memory.map(le(64).putLong(0x1234).putInt(10).putInt(77).array());
        assertThat(line("timer_create", -22, 1, odd, id)).isEqualTo("CLOCK_MONOTONIC, {sigev_value={sival_int=4660, "
                + "sival_ptr=0x1234}, sigev_signo=10, sigev_notify=0x4d /* SIGEV_??? */}, 0x" + Long.toHexString(id)
                + " = -1 EINVAL (Invalid argument)");
        assertThat(line("timer_create", -14, 0, 0, BAD)).isEqualTo("CLOCK_REALTIME, NULL, 0xdead0000 = -1 EFAULT (Bad address)");
        // a struct that runs into unmapped memory is not shown in part
        long shortSev = memory.map(le(32).array());
        assertThat(line("timer_create", -14, 0, shortSev, id)).startsWith("CLOCK_REALTIME, 0x" + Long.toHexString(shortSev));
    }
}
