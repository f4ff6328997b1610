#!/usr/bin/env bash
# Builds the BPF programs of --backend ebpf into the classpath (Maven generate-resources):
#   build.sh CLASSES_DIR WORK_DIR
# vmlinux.h comes from this machine's kernel BTF; the object is CO-RE (libbpf relocates it to the
# kernel it is loaded on), so a jar built here runs on any kernel with BTF.
set -euo pipefail
out=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
CLANG=${CLANG:-clang}
BPFTOOL=${BPFTOOL:-bpftool}
BTF=${RENACER_BUILD_BTF:-/sys/kernel/btf/vmlinux}
need() {
  echo "renacer-core: '$1' not found: the eBPF backend needs $2 (Debian: apt-get install $3)" >&2
  exit 1
}
command -v "$CLANG" >/dev/null 2>&1 || need "$CLANG" "clang to compile its programs" "clang llvm"
command -v "$BPFTOOL" >/dev/null 2>&1 || need "$BPFTOOL" "bpftool to generate vmlinux.h" "bpftool"
[[ -f /usr/include/bpf/bpf_helpers.h ]] || need "bpf/bpf_helpers.h" "libbpf's headers" "libbpf-dev"
if [[ ! -r "$BTF" ]]; then
  echo "renacer-core: $BTF not readable: the eBPF backend is built against the kernel's BTF (a kernel with CONFIG_DEBUG_INFO_BTF)" >&2
  exit 1
fi
mkdir -p "$out" "$work"
obj="$out/renacer.bpf.o"
if [[ -f "$obj" && -z $(find "$here" -newer "$obj" -type f) ]]; then
  exit 0   # up to date with every source here (and this script)
fi
"$BPFTOOL" btf dump file "$BTF" format c > "$work/vmlinux.h"
"$CLANG" -target bpf -O2 -g -Wall -Werror -D__TARGET_ARCH_x86 -I"$work" -I"$here" \
  -c "$here/renacer.bpf.c" -o "$work/renacer.bpf.o"
# keep BTF (libbpf needs it), drop DWARF: 180 KB instead of 840 KB in the jar
if command -v llvm-strip >/dev/null 2>&1; then
  llvm-strip -g "$work/renacer.bpf.o" -o "$obj"
else
  cp "$work/renacer.bpf.o" "$obj"
fi
