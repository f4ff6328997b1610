#!/usr/bin/env bash
# Writes the git commit this build comes from (and whether the tree had changes) as a properties
# file: baselines and the gate record which code they measured. Outside a git checkout: "unknown".
set -euo pipefail
out=$1
mkdir -p "$(dirname "$out")"
cd "$(dirname "$0")"
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
dirty=false
if [[ $commit != unknown ]] && [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]]; then dirty=true; fi
printf 'git.commit=%s\ngit.dirty=%s\n' "$commit" "$dirty" > "$out"
