#!/usr/bin/env bash
# ebpf-goals.sh [ROUNDS] [N]: issue 11's goals for --backend ebpf, measured side by side in one hyperfine
# run (as root, after `mvn -B package`). Each traced run goes through fixtures' timeit, which appends the
# traced program's own wall time (fork to reaped) to a file: that is the overhead the goals speak of,
# the JVM's start and the loading of the BPF programs aside. Prints hyperfine's whole-command table,
# then the traced program's own time per configuration and its ratio to the untraced run.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
n=${2:-20000}
F=$PWD/fixtures/target/bin
R=$PWD/renacer
out=$(mktemp -d)
export TMPDIR=${TMPDIR:-/dev/shm}
heavy="$F/syscall_heavy $n"
bt='tracepoint:raw_syscalls:sys_enter /comm == "syscall_heavy"/ { @enter = count(); } tracepoint:raw_syscalls:sys_exit /comm == "syscall_heavy"/ { @exit = count(); }'
hyperfine -N -w 1 -r "$rounds" --export-json "$out/hyperfine.json" \
  -n native "$F/timeit $out/native $heavy" \
  -n 'renacer --backend ebpf -c' "$R --backend ebpf -f -c -o /dev/null -- $F/timeit $out/ebpf-c $heavy" \
  -n 'bpftrace count sys_enter/sys_exit' "scripts/under-tracer.sh Attaching bpftrace -e '$bt' -- $F/timeit $out/bpftrace $heavy" \
  -n 'syscount -L' "scripts/under-tracer.sh Tracing syscount -L -- $F/timeit $out/syscount $heavy" \
  -n 'renacer --backend ebpf -c --stats-extended' "$R --backend ebpf -f -c --stats-extended -o /dev/null -- $F/timeit $out/ebpf-c-extended $heavy" \
  -n 'renacer --backend ebpf -T (text)' "bash -c '$R --backend ebpf -f -T -o /dev/null -- $F/timeit $out/ebpf-text $heavy 2>>$out/ebpf-text.err'"
echo
echo "traced program's own time (timeit), $rounds runs + 1 warm-up each:"
printf '%-36s %10s %10s %8s\n' configuration median_ms mean_ms ratio
base=$(sort -n "$out/native" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
for f in native ebpf-c bpftrace syscount ebpf-c-extended ebpf-text; do
  sort -n "$out/$f" | awk -v name="$f" -v base="$base" '{a[NR]=$1; s+=$1} END {m=a[int((NR+1)/2)]; printf "%-36s %10.1f %10.1f %8.3f\n", name, m/1e6, s/NR/1e6, m/base}'
done
echo
echo "eBPF records lost in the text runs (stderr of renacer):"
grep -h "lost" "$out/ebpf-text.err" || echo "none"
echo "(raw data in $out)"
