// SPDX-License-Identifier: (MIT OR GPL-2.0)
/*
 * renacer's in-kernel backend (--backend ebpf). Raw tracepoints on sys_enter and sys_exit see every
 * syscall of the machine; a task-local storage map says which tasks renacer follows, so the cost for
 * every other task is one lookup. For a followed task it:
 *   - counts calls, errors and time per syscall in per-CPU maps (what -c prints: exact, nothing to lose);
 *   - with MODE_EVENTS, sends an entry and an exit record per call through the ring buffer, with the
 *     user memory the decoders will want (strings, buffers, structs) copied as the capture plan says;
 *   - with MODE_DURATIONS, sends only a small exit record per call (--stats-extended percentiles).
 * A record that finds the ring buffer full is counted per CPU, never dropped silently.
 * sched_process_fork/exec/exit keep the followed set (-f: children and threads) and tell user space.
 *
 * Built by build.sh with clang -target bpf; loaded by dev.renacer.trace.ebpf through libbpf.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "renacer.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define NR_EXECVE 59
#define NR_EXECVEAT 322
#define PAGE 4096
#define SIG_STOP_FIRST 19 /* SIGSTOP, then SIGTSTP, SIGTTIN, SIGTTOU (x86_64) */
#define SIG_STOP_LAST 22
#define SEND_SIG_PRIV_VALUE 1         /* SEND_SIG_NOINFO is 0, SEND_SIG_PRIV 1: no siginfo behind them */
#define SI_USER_CODE 0
#define SI_KERNEL_CODE 0x80
#define PF_EXITING_FLAG 0x00000004
#define SIGNAL_GROUP_EXIT_FLAG 0x00000004

/* The only .rodata object, so user space finds it at offset 0 (Java checks the size). */
const volatile struct config cfg = {};

struct task_state {
    __u32 flags;
    __s32 nr;
    __u64 entry_ns;
    __u64 args[MAX_ARGS];
    __u64 sp;       /* the stack pointer at entry (rt_sigreturn's frame) */
    __u32 retry;    /* arguments whose memory could not be read at entry (a page not faulted in yet) */
    __u32 pad;
};

struct {
    __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, int);
    __type(value, struct task_state);
} renacer_tasks SEC(".maps");

/* -e trace=: 1 for a selected syscall number */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, MAX_SYSCALLS);
    __type(key, __u32);
    __type(value, __u32);
} renacer_filter SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, MAX_SYSCALLS);
    __type(key, __u32);
    __type(value, struct syscall_plan);
} renacer_plans SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, MAX_SYSCALLS);
    __type(key, __u32);
    __type(value, struct syscall_counts);
} renacer_counts SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct losses);
} renacer_losses SEC(".maps");

/* max_entries is set by user space before loading (--ebpf-buffer-size) */
struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 1 << 24);
} renacer_events SEC(".maps");

/* room for a capture that starts just before SCRATCH_HALF and runs CAPTURE_MAX long (a per-CPU value is at most 32 KiB) */
struct scratch {
    __u8 bytes[2 * SCRATCH_HALF + 2 * PAGE];
    __u32 missed;   /* strings capture() could not read since it was last cleared */
};

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct scratch);
} renacer_scratch SEC(".maps");

static __always_inline struct task_state *followed(struct task_struct *task)
{
    return bpf_task_storage_get(&renacer_tasks, task, 0, 0);
}

static __always_inline int selected(long nr)
{
    __u32 key = (__u32)nr;
    if (nr < 0 || nr >= MAX_SYSCALLS)
        return cfg.select_others;
    __u32 *on = bpf_map_lookup_elem(&renacer_filter, &key);
    return on && *on;
}

static __always_inline void lose(int follow)
{
    __u32 zero = 0;
    struct losses *l = bpf_map_lookup_elem(&renacer_losses, &zero);
    if (!l)
        return;
    if (follow)
        l->follows++;
    else
        l->records++;
}

static __always_inline struct record_head *head(struct scratch *s, __u16 type, __u16 flags, __u32 tid, __u32 pid,
                                                long long nr, __u64 ts, long long val)
{
    struct record_head *h = (void *)s->bytes;
    h->type = type;
    h->flags = flags;
    h->captures = 0;
    h->cpu = (__u16)bpf_get_smp_processor_id();
    h->tid = tid;
    h->pid = pid;
    h->nr = nr;
    h->ts = ts;
    h->val = val;
    return h;
}

static __always_inline struct scratch *scratch(void)
{
    __u32 zero = 0;
    return bpf_map_lookup_elem(&renacer_scratch, &zero);
}

static __always_inline int send(struct scratch *s, __u32 len)
{
    if (len > sizeof(*s))
        return -1;
    barrier_var(len);
    len &= 2 * SCRATCH_HALF - 1;
    /*
     * No wake-up per record: at a million records a second, waking the consumer for each (the default
     * when it has caught up) costs a context switch per record. It polls every few milliseconds and is
     * woken only when the ring fills past wakeup_bytes.
     */
    __u64 waiting = bpf_ringbuf_query(&renacer_events, BPF_RB_AVAIL_DATA);
    __u64 flags = waiting > cfg.wakeup_bytes ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
    if (bpf_ringbuf_output(&renacer_events, s, len, flags)) {
        lose(0);
        return -1;
    }
    return 0;
}

#include "capture.bpf.h"

static __always_inline int send_enter(struct task_state *st, long nr, __u64 now, __u64 sp, __u16 flags)
{
    struct scratch *s = scratch();
    if (!s)
        return -1;
    __u64 id = bpf_get_current_pid_tgid();
    struct record_head *h = head(s, REC_ENTER, flags, (__u32)id, id >> 32, nr, now, 0);
    struct enter_tail *t = (void *)(s->bytes + sizeof(*h));
#pragma unroll
    for (int i = 0; i < MAX_ARGS; i++)
        t->args[i] = st->args[i];
    t->sp = sp;
    __u32 missed = 0;
    s->missed = 0;
    __u32 off = capture_args(s, sizeof(*h) + sizeof(*t), st, 0, AT_ENTRY, 0, &missed);
    /* a string not yet faulted in: read it again at exit (the kernel will have faulted it in) */
    st->retry = missed;
    if (missed)
        h->flags |= RF_RETRY;
    return send(s, off);
}

static __always_inline int send_exit(struct task_state *st, long ret, __u64 now, __u16 flags, int captures)
{
    struct scratch *s = scratch();
    if (!s)
        return -1;
    __u64 id = bpf_get_current_pid_tgid();
    struct record_head *h = head(s, REC_EXIT, flags, (__u32)id, id >> 32, st->nr, now, ret);
    struct exit_tail *t = (void *)(s->bytes + sizeof(*h));
    t->entry_ts = st->entry_ns;
    __u32 off = sizeof(*h) + sizeof(*t);
    if (captures) {
        __u32 missed = 0;
        s->missed = 0;
        off = capture_args(s, off, st, ret, AT_EXIT, st->retry, &missed);
        if (st->retry)
            h->flags |= RF_RETRY;
    }
    st->retry = 0;
    return send(s, off);
}

static __always_inline void count(long nr, __u64 ns, long ret)
{
    __u32 key = (__u32)nr;
    if (nr < 0 || nr >= MAX_SYSCALLS)
        return;
    struct syscall_counts *c = bpf_map_lookup_elem(&renacer_counts, &key);
    if (!c)
        return;
    if (c->calls == 0 || ns < c->min_ns)
        c->min_ns = ns;
    if (ns > c->max_ns)
        c->max_ns = ns;
    c->calls++;
    c->total_ns += ns;
    if (ret < 0 && ret >= -4095)
        c->errors++;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(renacer_enter, struct pt_regs *regs, long nr)
{
    struct task_state *st = followed(bpf_get_current_task_btf());
    if (!st)
        return 0;
    __u32 flags = st->flags & ~(TS_IN_CALL | TS_NO_EVENTS | TS_SELECTED);
    int on = selected(nr);
    if (flags & TS_HIDDEN) {
        /* the trampoline: only its execve matters (it ends the hiding, or its failure is reported) */
        if (nr != NR_EXECVE && nr != NR_EXECVEAT)
            return 0;
    } else if (!on) {
        st->flags = flags;
        return 0;
    }
    __u64 now = bpf_ktime_get_ns();
    st->nr = (__s32)nr;
    st->entry_ns = now;
    st->args[0] = regs->di;
    st->args[1] = regs->si;
    st->args[2] = regs->dx;
    st->args[3] = regs->r10;
    st->args[4] = regs->r8;
    st->args[5] = regs->r9;
    st->sp = regs->sp;
    flags |= TS_IN_CALL;
    if (on)
        flags |= TS_SELECTED;
    if (cfg.mode == MODE_EVENTS && on && send_enter(st, nr, now, regs->sp, (flags & TS_HIDDEN) ? RF_HIDDEN : 0))
        flags |= TS_NO_EVENTS;
    st->flags = flags;
    return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(renacer_exit, struct pt_regs *regs, long ret)
{
    struct task_state *st = followed(bpf_get_current_task_btf());
    if (!st)
        return 0;
    __u32 flags = st->flags;
    if (!(flags & TS_IN_CALL))
        return 0;
    st->flags = flags & ~TS_IN_CALL;
    __u64 now = bpf_ktime_get_ns();
    if (flags & TS_HIDDEN) {
        /* still the trampoline after its execve: the execve failed; user space reports why */
        send_exit(st, ret, now, RF_HIDDEN, 0);
        return 0;
    }
    if (!(flags & TS_SELECTED))
        return 0;
    count(st->nr, now - st->entry_ns, ret);
    if (cfg.mode != MODE_COUNT && !(flags & TS_NO_EVENTS))
        send_exit(st, ret, now, 0, cfg.mode == MODE_EVENTS);
    return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(renacer_fork, struct task_struct *parent, struct task_struct *child)
{
    if (!cfg.follow_forks || !parent || !child)
        return 0;
    struct task_state *ps = followed(parent);
    if (!ps)
        return 0;
    struct task_state *cs = bpf_task_storage_get(&renacer_tasks, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
    if (!cs) {
        lose(1);
        return 0;
    }
    cs->flags = ps->flags & TS_HIDDEN;
    struct scratch *s = scratch();
    if (!s)
        return 0;
    head(s, REC_FORK, 0, parent->pid, parent->tgid, child->tgid, bpf_ktime_get_ns(), child->pid);
    send(s, sizeof(struct record_head));
    return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(renacer_exec, struct task_struct *task, pid_t old_pid, struct linux_binprm *bprm)
{
    if (!task)
        return 0;
    struct task_state *st = followed(task);
    if (!st)
        return 0;
    st->flags &= ~TS_HIDDEN;
    struct scratch *s = scratch();
    if (!s)
        return 0;
    struct record_head *h = head(s, REC_EXEC, 0, task->pid, task->tgid, 0, bpf_ktime_get_ns(), old_pid);
    __u32 off = sizeof(*h);
    if (st->retry && (st->flags & TS_IN_CALL) && cfg.mode == MODE_EVENTS && bprm) {
        /*
         * The execve's strings were not readable at its entry, and the old memory is gone by its exit:
         * send the file name the kernel copied and the new program's argument and environment areas
         * (user space rebuilds argv and counts envp from them).
         */
        h->flags |= RF_RETRY;
        __u64 filename = 0;
        bpf_probe_read_kernel(&filename, sizeof filename, &bprm->filename);
        __u32 at = off;
        off = capture(s, off, filename, CAPTURE_MAX, KERNEL_STRING);
        if (off != at) /* filed under the user address execve was given */
            ((struct capture_head *)(s->bytes + (at & (SCRATCH_HALF - 1))))->addr =
                st->nr == NR_EXECVEAT ? st->args[1] : st->args[0];
        struct mm_struct *mm = task->mm;
        if (mm) {
            __u64 arg_start = mm->arg_start, arg_end = mm->arg_end;
            __u64 env_start = mm->env_start, env_end = mm->env_end;
            if (arg_end > arg_start)
                off = capture(s, off, arg_start, arg_end - arg_start, 0);
            if (env_end > env_start)
                off = capture(s, off, env_start, env_end - env_start, 0);
        }
        st->retry = 0;
    }
    send(s, off);
    return 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(renacer_signal, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
    struct task_state *st = followed(bpf_get_current_task_btf());
    if (!st || (st->flags & TS_HIDDEN) || cfg.mode != MODE_EVENTS)
        return 0;
    struct scratch *s = scratch();
    if (!s)
        return 0;
    __u64 id = bpf_get_current_pid_tgid();
    /* get_signal() traces a signal before acting on it: a stop signal left at SIG_DFL stops the task
     * next (do_signal_stop), where ptrace reports a group-stop (SIGTSTP/SIGTTIN/SIGTTOU to an orphaned
     * process group are discarded instead, which is not told apart here) */
    __u16 flags = 0;
    if (ka && sig >= SIG_STOP_FIRST && sig <= SIG_STOP_LAST && ka->sa.sa_handler == 0) /* SIG_DFL */
        flags = RF_GROUP_STOP;
    struct record_head *h = head(s, REC_SIGNAL, flags, (__u32)id, id >> 32, sig, bpf_ktime_get_ns(), 0);
    __u8 *siginfo = s->bytes + sizeof(*h);
    __builtin_memset(siginfo, 0, SIGINFO_SIZE);
    if (info)
        bpf_probe_read_kernel(siginfo, sizeof(struct kernel_siginfo), info);
    send(s, sizeof(*h) + SIGINFO_SIZE);
    return 0;
}

/* A signal sent to a followed task that it ignores (SIG_IGN, or a default action of nothing, as SIGCHLD's):
 * the kernel discards it when it is sent, so signal_deliver never sees it; under ptrace it is delivered
 * (a traced task ignores nothing) and strace prints it. Told here, at its generation. */
SEC("tp_btf/signal_generate")
int BPF_PROG(renacer_signal_ignored, int sig, struct kernel_siginfo *info, struct task_struct *task, int group, int result)
{
    if (result != TRACE_SIGNAL_IGNORED || !task || cfg.mode != MODE_EVENTS)
        return 0;
    struct task_state *st = followed(task);
    if (!st || (st->flags & TS_HIDDEN))
        return 0;
    /* a process on its way out discards signals too, and ptrace would not deliver them either */
    if ((task->flags & PF_EXITING_FLAG) || (task->signal->flags & SIGNAL_GROUP_EXIT_FLAG))
        return 0;
    struct scratch *s = scratch();
    if (!s)
        return 0;
    struct record_head *h = head(s, REC_SIGNAL, RF_IGNORED, task->pid, task->tgid, sig, bpf_ktime_get_ns(), 0);
    __u8 *siginfo = s->bytes + sizeof(*h);
    __builtin_memset(siginfo, 0, SIGINFO_SIZE);
    int *fields = (int *)siginfo; /* si_signo, si_errno, si_code, then (kill) si_pid and si_uid at 16 and 20 */
    if ((unsigned long)info > SEND_SIG_PRIV_VALUE) {
        bpf_probe_read_kernel(siginfo, sizeof(struct kernel_siginfo), info);
    } else {
        /* __send_signal_locked's own siginfo: SEND_SIG_NOINFO from the sender, SEND_SIG_PRIV from the kernel */
        fields[0] = sig;
        fields[2] = info ? SI_KERNEL_CODE : SI_USER_CODE;
        if (!info) {
            fields[4] = bpf_get_current_pid_tgid() >> 32;
            fields[5] = (__u32)bpf_get_current_uid_gid();
        }
    }
    send(s, sizeof(*h) + SIGINFO_SIZE);
    return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(renacer_gone, struct task_struct *task, bool group_dead)
{
    if (!task)
        return 0;
    struct task_state *st = followed(task);
    if (!st)
        return 0;
    __u32 flags = st->flags;
    __u64 now = bpf_ktime_get_ns();
    /* a call it never returned from (exit_group, a kill): strace's "= ?" */
    if ((flags & (TS_IN_CALL | TS_SELECTED)) == (TS_IN_CALL | TS_SELECTED) && !(flags & (TS_HIDDEN | TS_NO_EVENTS))
        && cfg.mode == MODE_EVENTS)
        send_exit(st, 0, now, RF_NO_RETURN, 0);
    struct scratch *s = scratch();
    if (s) {
        head(s, REC_TASK_EXIT, group_dead ? RF_GROUP_DEAD : 0, task->pid, task->tgid, 0, now, task->exit_code);
        send(s, sizeof(struct record_head));
    }
    bpf_task_storage_delete(&renacer_tasks, task);
    return 0;
}
