#!/usr/bin/env bash
# Builds the launch trampoline and the signal-handling library into the classpath (Maven generate-resources).
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-gcc}
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "renacer-core: '$CC' not found: the launch trampoline needs gcc (Debian: apt-get install gcc)" >&2
  exit 1
fi
mkdir -p "$out"
if [[ ! "$out/renacer-exec" -nt "$here/renacer-exec.c" ]]; then
  "$CC" -O2 -Wall -Wextra -Werror -o "$out/renacer-exec" "$here/renacer-exec.c"
fi
if [[ ! "$out/librenacer-signals.so" -nt "$here/renacer-signals.c" ]]; then
  "$CC" -O2 -Wall -Wextra -Werror -shared -fPIC -o "$out/librenacer-signals.so" "$here/renacer-signals.c"
fi
