/*
 * The layout shared by the BPF programs (renacer.bpf.c) and their Java reader
 * (dev/renacer/trace/ebpf/Records.java, which repeats these offsets: change both together).
 * Every field is little-endian, every record 8-byte aligned.
 */
#ifndef RENACER_H
#define RENACER_H

#define MAX_SYSCALLS 512
#define MAX_ARGS 6

/* Per-CPU scratch in which a record is built before bpf_ringbuf_output copies it. */
#define SCRATCH_HALF 8192
/* The longest single capture; captures stop once a record passes SCRATCH_HALF bytes. */
#define CAPTURE_MAX (SCRATCH_HALF - 64)
/* The longest argv an execve capture walks (strace prints at most -s elements). */
#define ARGV_MAX 64

/* record types */
#define REC_ENTER 1      /* a traced call's entry: head + args + captures */
#define REC_EXIT 2       /* its exit: head + entry time + captures */
#define REC_FORK 3       /* a followed task made a task that is now followed (val = child tid, nr = child tgid) */
#define REC_EXEC 4       /* a followed task's execve succeeded (val = the tid it had before) */
#define REC_TASK_EXIT 5  /* a followed task ended (val = exit_code as wait(2) encodes it; flags GROUP_DEAD) */
#define REC_SIGNAL 6     /* a signal is delivered to a followed task (nr = the signal), then its siginfo_t (128) */
#define SIGINFO_SIZE 128

/* record flags */
#define RF_HIDDEN 1      /* the launch trampoline's own call (its execve), before the target runs */
#define RF_NO_RETURN 2   /* REC_EXIT of a call that never returned (the task ended inside it) */
#define RF_GROUP_DEAD 4  /* REC_TASK_EXIT: the last task of its thread group */
#define RF_RETRY 8       /* REC_ENTER: a string could not be read yet; REC_EXIT/REC_EXEC: captured again */
#define RF_GROUP_STOP 16 /* REC_SIGNAL: a stop signal whose action is the default: the task's group stop follows */
#define RF_IGNORED 32    /* REC_SIGNAL: a signal the kernel discarded when it was sent (ignored), never delivered */

/* task state flags */
#define TS_HIDDEN 1      /* still the trampoline: everything but its execve is ignored */
#define TS_IN_CALL 2     /* between a traced sys_enter and its sys_exit */
#define TS_NO_EVENTS 4   /* the entry record of the current call was lost: its exit is not sent */
#define TS_SELECTED 8    /* the current call passed the filter */

/* capture kinds (what the kernel copies from user memory for one argument) */
#define CAP_NONE 0
#define CAP_STRING 1     /* NUL-terminated, at most `max` bytes */
#define CAP_ARG_LEN 2    /* `max` bytes at most, length from argument `len_arg` << `shift` */
#define CAP_RET_LEN 3    /* at exit: length from the return value << `shift` */
#define CAP_FIXED 4      /* `max` bytes (a struct: as much as the decoder may read) */
#define CAP_ARGV 5       /* a NULL-terminated pointer array and up to `shift` of its strings (`max` bytes each) */
#define CAP_STACK 6      /* `max` bytes at the stack pointer (rt_sigreturn's frame) */
#define CAP_DEREF 7      /* `max` bytes at the pointer in word `shift` of the struct argument `len_arg` points to */
#define CAP_IOVEC 8      /* an iovec array, `len_arg` holding its length, and up to `max` bytes of each buffer */
#define IOVEC_MAX 16     /* the most iovec elements captured */

/* when */
#define AT_ENTRY 1
#define AT_EXIT 2

/* record modes (config.mode) */
#define MODE_COUNT 0     /* -c: counts only, no per-call records */
#define MODE_DURATIONS 1 /* -c --stats-extended: exit records without captures, for percentiles */
#define MODE_EVENTS 2    /* per-call records with captures */

struct capture_rule {
    unsigned char kind;
    unsigned char when;
    unsigned char len_arg;
    unsigned char shift;
    unsigned int max;
};

struct syscall_plan {
    struct capture_rule arg[MAX_ARGS];
};

/* the common head of every record: 40 bytes */
struct record_head {
    unsigned short type;
    unsigned short flags;
    unsigned short captures;
    unsigned short cpu;
    unsigned int tid;
    unsigned int pid;
    long long nr;
    unsigned long long ts;
    long long val;
};

/* REC_ENTER: head, then this (56 bytes), then captures */
struct enter_tail {
    unsigned long long args[MAX_ARGS];
    unsigned long long sp;
};

/* REC_EXIT: head (val = return value), then this (8 bytes), then captures */
struct exit_tail {
    unsigned long long entry_ts;
};

/* each capture: this (16 bytes), then `len` bytes padded to 8. REC_EXEC with RF_RETRY carries the
 * file name (filed under execve's first argument), then the new argument area, then the environment. */
struct capture_head {
    unsigned long long addr;
    unsigned int len;
    unsigned int pad;
};

/* per syscall and CPU: what -c prints */
struct syscall_counts {
    unsigned long long calls;
    unsigned long long errors;
    unsigned long long total_ns;
    unsigned long long min_ns;
    unsigned long long max_ns;
};

/* per CPU: what could not be recorded */
struct losses {
    unsigned long long records;   /* ring buffer full */
    unsigned long long follows;   /* a child could not be added to the followed tasks */
};

/* set by user space before the programs are loaded (.rodata) */
struct config {
    unsigned int mode;
    unsigned int follow_forks;
    unsigned int select_others;   /* syscall numbers beyond MAX_SYSCALLS: traced when the filter is inverted */
    unsigned int wakeup_bytes;    /* wake the consumer only once this much is waiting (it polls meanwhile) */
};

#endif
