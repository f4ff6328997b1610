#!/usr/bin/env bash
# ebpf-goals.sh [ROUNDS] [N]: issue 11's goals for --backend ebpf, measured side by side (as root, after
# `mvn -B package`). Each round is one hyperfine run of every configuration once, in a new random order,
# after one warm-up round: on a shared machine the load drifts, so the figures are per-round ratios to
# the untraced run of the same round. Each traced run goes through fixtures' timeit, which appends the
# traced program's own wall time (fork to reaped) to a file: that is the overhead the goals speak of,
# the JVM's start and the loading of the BPF programs aside. hyperfine's whole-command times are kept
# too (JSON per round).
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
names=(native ebpf-c bpftrace syscount ebpf-c-extended ebpf-text)
command_of() {
  local d=$1
  case $2 in
    native) echo "$F/timeit $d/native $heavy" ;;
    ebpf-c) echo "$R --backend ebpf -f -c -o /dev/null -- $F/timeit $d/ebpf-c $heavy" ;;
    bpftrace) echo "scripts/under-tracer.sh Attaching bpftrace -e '$bt' -- $F/timeit $d/bpftrace $heavy" ;;
    syscount) echo "scripts/under-tracer.sh Tracing syscount -L -- $F/timeit $d/syscount $heavy" ;;
    ebpf-c-extended) echo "$R --backend ebpf -f -c --stats-extended -o /dev/null -- $F/timeit $d/ebpf-c-extended $heavy" ;;
    ebpf-text) echo "bash -c '$R --backend ebpf -f -T -o /dev/null -- $F/timeit $d/ebpf-text $heavy 2>>$d/ebpf-text.err'" ;;
  esac
}
for round in $(seq 0 "$rounds"); do
  d=$out/round-$round
  [[ $round == 0 ]] && d=$out/warm-up
  mkdir -p "$d"
  args=()
  for name in $(printf '%s\n' "${names[@]}" | shuf); do args+=(-n "$name" "$(command_of "$d" "$name")"); done
  hyperfine -N -r 1 --style none --export-json "$d/hyperfine.json" "${args[@]}" >/dev/null 2>"$d/hyperfine.err"
  echo "round $round of $rounds done ($(cut -d' ' -f1-3 /proc/loadavg) load)" >&2
done
echo "syscall_heavy $n, $rounds rounds (each: every configuration once, random order), $(nproc) CPUs"
echo "traced program's own time (timeit): median over rounds, and the per-round ratio to native (median, min-max)"
printf '%-18s %10s %10s %18s\n' configuration median_ms ratio ratio_range
median() { sort -g | awk '{v[NR]=$1} END {printf "%s %s %s", v[int((NR+1)/2)], v[1], v[NR]}'; }
# timeit's lines: wall_ns cpu_ns
for column in 1 2; do
  [[ $column == 1 ]] && echo "wall time:" || echo "CPU time (user + system) of the traced program:"
  for name in "${names[@]}"; do
    pairs=$(for round in $(seq 1 "$rounds"); do
      echo "$(cut -d' ' -f$column "$out/round-$round/$name") $(cut -d' ' -f$column "$out/round-$round/native")"
    done)
    read -r time _ _ <<<"$(awk '{print $1}' <<<"$pairs" | median)"
    read -r ratio low high <<<"$(awk '{print $1 / $2}' <<<"$pairs" | median)"
    printf '%-18s %10.1f %10.3f %8.3f-%-8.3f\n' "$name" "$(awk -v t="$time" 'BEGIN {print t / 1e6}')" "$ratio" "$low" "$high"
  done
done
echo
echo "renacer --backend ebpf -T (text to /dev/null): eBPF records lost:"
cat "$out"/round-*/ebpf-text.err 2>/dev/null | grep -h "lost" || echo "  none in any round"
echo "(raw data in $out)"
