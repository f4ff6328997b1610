package dev.renacer.trace.ebpf;

/**
 * Offsets of the records the BPF programs write (src/main/bpf/renacer.h is the other home of this
 * layout: change both together; {@code RecordLayoutTest} compares them).
 */
final class Records {
    private Records() {}

    // the kernel's ring buffer record header: u32 length with two flag bits, u32 page offset
    static final int RING_HEADER = 8;
    static final int RING_BUSY = 1 << 31;
    static final int RING_DISCARD = 1 << 30;

    // record types (renacer.h REC_*)
    static final int ENTER = 1, EXIT = 2, FORK = 3, EXEC = 4, TASK_EXIT = 5, SIGNAL = 6;
    static final int SIGINFO_SIZE = 128;

    // record flags (renacer.h RF_*)
    static final int HIDDEN = 1, NO_RETURN = 2, GROUP_DEAD = 4, RETRY = 8, GROUP_STOP = 16, IGNORED = 32;

    // struct record_head
    static final int TYPE = 0, FLAGS = 2, CAPTURES = 4, TID = 8, PID = 12, NR = 16, TS = 24, VAL = 32;
    static final int HEAD_SIZE = 40;
    // struct enter_tail, after the head
    static final int ARGS = HEAD_SIZE, SP = HEAD_SIZE + 48;
    static final int ENTER_SIZE = HEAD_SIZE + 56;
    // struct exit_tail, after the head
    static final int ENTRY_TS = HEAD_SIZE;
    static final int EXIT_SIZE = HEAD_SIZE + 8;
    // struct capture_head, before each capture's bytes (padded to 8)
    static final int CAPTURE_ADDRESS = 0, CAPTURE_LENGTH = 8;
    static final int CAPTURE_HEAD_SIZE = 16;

    // task state flags (renacer.h TS_*), as user space writes them for a task it starts following
    static final int TASK_HIDDEN = 1;
    static final int TASK_STATE_SIZE = 80;

    // record modes (renacer.h MODE_*)
    static final int MODE_COUNT = 0, MODE_DURATIONS = 1, MODE_EVENTS = 2;

    // struct config (.rodata)
    static final int CONFIG_MODE = 0, CONFIG_FOLLOW_FORKS = 4, CONFIG_SELECT_OTHERS = 8, CONFIG_WAKEUP_BYTES = 12;
    static final int CONFIG_SIZE = 16;

    // struct syscall_counts, struct losses
    static final int COUNTS_SIZE = 40;
    static final int LOSSES_SIZE = 16;

    static final int MAX_SYSCALLS = 512;
    static final int MAX_ARGS = 6;
    static final int RULE_SIZE = 8;
    static final int PLAN_SIZE = MAX_ARGS * RULE_SIZE;
}
