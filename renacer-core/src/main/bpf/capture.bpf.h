/*
 * Copying the tracee's memory into a record, as the capture plan (renacer_plans) says: part of
 * renacer.bpf.c, which includes it after its maps. The functions are global (__noinline) so that the
 * verifier checks each once rather than at every call site.
 */
#ifndef RENACER_CAPTURE_BPF_H
#define RENACER_CAPTURE_BPF_H

/*
 * Copies up to `len` bytes (a string: up to its NUL) at address `addr` (user memory, or kernel memory
 * for KERNEL_STRING) into the record at `off`,
 * behind a capture_head. A block is read page by page, so that a struct ending near unmapped memory
 * still yields its readable part, as process_vm_readv would. Returns the offset after the capture
 * (`off` when nothing could be read). A global function: the verifier checks it once, not at every
 * call site (inlined, the argv loop alone took seconds to verify).
 */
#define USER_BLOCK 0
#define USER_STRING 1
#define KERNEL_STRING 2

__noinline __u32 capture(struct scratch *s, __u32 off, __u64 addr, __u32 len, __u32 string)
{
    if (!s || addr == 0 || len == 0 || off >= SCRATCH_HALF)
        return off;
    if (len > CAPTURE_MAX)
        len = CAPTURE_MAX;
    /* the masks change nothing but give the verifier bounds it can follow */
    barrier_var(len);
    len &= SCRATCH_HALF - 1;
    barrier_var(off);
    off &= SCRATCH_HALF - 1;
    struct capture_head *ch = (void *)(s->bytes + off);
    __u8 *dst = s->bytes + off + sizeof(*ch);
    long n;
    if (string == KERNEL_STRING) {
        n = bpf_probe_read_kernel_str(dst, len, (const void *)addr);
        if (n <= 0)
            return off;
    } else if (string) {
        n = bpf_probe_read_user_str(dst, len, (const void *)addr);
        if (n <= 0) {
            s->missed++;
            return off;
        }
        if (n == len)
            n--; /* the helper wrote a NUL of its own: the string goes on past the limit */
    } else {
        __u32 first = PAGE - (addr & (PAGE - 1));
        if (first > len)
            first = len;
        barrier_var(first);
        first &= 2 * PAGE - 1;
        if (bpf_probe_read_user(dst, first, (const void *)addr)) {
            s->missed++;
            return off;
        }
        n = first;
        if (first < len) {
            __u32 rest = (len - first) & (SCRATCH_HALF - 1);
            barrier_var(rest);
            if (bpf_probe_read_user(dst + first, rest, (const void *)(addr + first)) == 0)
                n = first + rest;
        }
    }
    ch->addr = addr;
    ch->len = (__u32)n;
    ch->pad = 0;
    struct record_head *h = (void *)s->bytes;
    h->captures++;
    return off + sizeof(*ch) + (((__u32)n + 7) & ~7u);
}

/* execve's argv: the pointer array, then each string, as many as `count` (strace shows -s of them). */
__noinline __u32 capture_argv(struct scratch *s, __u32 off, __u64 array, __u32 count, __u32 max)
{
    if (count > ARGV_MAX)
        count = ARGV_MAX;
    __u32 start = off;
    off = capture(s, off, array, (count + 1) * 8, 0);
    if (off == start)
        return off;
    for (__u32 i = 0; i < ARGV_MAX; i++) {
        if (i >= count || off >= SCRATCH_HALF)
            break;
        __u64 p = 0;
        if (bpf_probe_read_user(&p, sizeof p, (const void *)(array + 8 * i)) || p == 0)
            break;
        off = capture(s, off, p, max, USER_STRING);
    }
    return off;
}

/* readv/writev's iovec array and the start of each buffer. */
__noinline __u32 capture_iovec(struct scratch *s, __u32 off, __u64 array, __u32 count, __u32 max)
{
    if (count > IOVEC_MAX)
        count = IOVEC_MAX;
    __u32 start = off;
    off = capture(s, off, array, count * 16, 0);
    if (off == start)
        return off;
    for (__u32 i = 0; i < IOVEC_MAX; i++) {
        if (i >= count || off >= SCRATCH_HALF)
            break;
        __u64 iov[2] = {};
        if (bpf_probe_read_user(iov, sizeof iov, (const void *)(array + 16 * i)))
            break;
        off = capture(s, off, iov[0], iov[1] < max ? (__u32)iov[1] : max, 0);
    }
    return off;
}

/*
 * What the plan says to capture for argument `which & 7` of the current call, if its rule applies at
 * `when` (which >> 16), or if it is retried (bit 8: its entry capture failed). A global function, verified
 * once: inlined six times over, the rules' branches took the verifier a second.
 */
__noinline __u32 capture_arg(struct scratch *s, __u32 off, struct task_state *st, __u32 which, long ret)
{
    if (!s || !st)
        return off;
    __u32 i = which & 7, when = which >> 16, retry = (which >> 8) & 1;
    __u32 key = (__u32)st->nr;
    if (i >= MAX_ARGS || key >= MAX_SYSCALLS)
        return off;
    struct syscall_plan *plan = bpf_map_lookup_elem(&renacer_plans, &key);
    if (!plan)
        return off;
    struct capture_rule *r = &plan->arg[i];
    if (r->kind == CAP_NONE || !((r->when & when) || retry))
        return off;
    __u32 len = r->max;
    __u64 arg = st->args[i];
    switch (r->kind) {
    case CAP_STRING:
        return capture(s, off, arg, len, USER_STRING);
    case CAP_ARG_LEN: {
        __u32 n = r->len_arg;
        if (n >= MAX_ARGS)
            return off;
        __u64 size = st->args[n] << (r->shift & 7);
        return capture(s, off, arg, size < len ? (__u32)size : len, 0);
    }
    case CAP_RET_LEN: {
        if (ret <= 0)
            return off;
        __u64 size = (__u64)ret << (r->shift & 7);
        return capture(s, off, arg, size < len ? (__u32)size : len, 0);
    }
    case CAP_FIXED:
        return capture(s, off, arg, len, 0);
    case CAP_ARGV:
        return capture_argv(s, off, arg, r->shift, len);
    case CAP_STACK:
        return capture(s, off, st->sp, len, 0);
    case CAP_DEREF: {
        __u32 base = r->len_arg;
        if (base >= MAX_ARGS)
            return off;
        __u64 p = 0;
        if (bpf_probe_read_user(&p, sizeof p, (const void *)(st->args[base] + 8 * (r->shift & 63))))
            return off;
        return capture(s, off, p, len, 0);
    }
    case CAP_IOVEC: {
        __u32 n = r->len_arg;
        if (n >= MAX_ARGS)
            return off;
        return capture_iovec(s, off, arg, (__u32)st->args[n], len);
    }
    }
    return off;
}

/*
 * The captures of the current call at `when`; `retry` names arguments whose entry captures are made
 * again now. Returns the arguments whose memory could not be read, in *missed.
 */
static __always_inline __u32 capture_args(struct scratch *s, __u32 off, struct task_state *st, long ret, int when,
                                          __u32 retry, __u32 *missed)
{
#pragma unroll
    for (int i = 0; i < MAX_ARGS; i++) {
        __u32 before = s->missed;
        off = capture_arg(s, off, st, i | (((retry >> i) & 1) << 8) | (when << 16), ret);
        if (s->missed != before)
            *missed |= 1u << i;
    }
    return off;
}

#endif
