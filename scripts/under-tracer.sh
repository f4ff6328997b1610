#!/usr/bin/env bash
# under-tracer.sh READY_TEXT TRACER... -- COMMAND...: starts TRACER in the background, waits until its
# output shows READY_TEXT (its probes are attached), runs COMMAND, then stops TRACER with SIGTERM.
# For the anchors of ebpf-goals.sh: bpftrace and libbpf-tools' syscount trace the whole machine. Both
# find tracepoints through tracefs; when it is not mounted, it is mounted for them alone, in a mount
# namespace of their own (the tracepoints themselves are the machine's).
set -euo pipefail
ready=$1; shift
tracer=()
while [[ $1 != -- ]]; do tracer+=("$1"); shift; done
shift
log=$(mktemp)
if [[ -d /sys/kernel/tracing/events ]]; then
  stdbuf -oL -eL "${tracer[@]}" >"$log" 2>&1 &
else
  unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing && exec stdbuf -oL -eL "$@"' sh "${tracer[@]}" >"$log" 2>&1 &
fi
pid=$!
for _ in $(seq 200); do grep -q "$ready" "$log" && break; sleep 0.05; done
grep -q "$ready" "$log" || { echo "under-tracer: ${tracer[0]} did not start:" >&2; cat "$log" >&2; kill "$pid"; exit 1; }
sleep 1   # bpftrace says "Attaching" before it has attached
status=0
"$@" || status=$?
# SIGTERM ends both; bpftrace 0.17 sometimes went on waiting after it (seen here), hence the SIGKILL
kill -TERM "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
rm -f "$log"
exit "$status"
