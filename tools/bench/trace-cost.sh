#!/usr/bin/env bash
# What the tracing flags (--trace-exec, --trace-ic, --dump-shapes, --stats) cost when they are
# NOT given: callgrind's instruction counts (which load does not disturb) of the same programs
# on two builds of node, side by side, and the ratio after/before.
#
#   tools/bench/trace-cost.sh BEFORE AFTER [PROGRAM...]
#
# BEFORE and AFTER are node binaries built with the workspace's release profile (fat LTO),
# e.g. from the commit before the tracing work and from this one. The default programs: Octane's
# richards (the dispatch loop, calls, property caches), two quick ones (recursion, closures) and
# an empty script (start-up). Figures in docs/tracing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
before="$1"
after="$2"
shift 2
programs=("$@")
if [ ${#programs[@]} -eq 0 ]; then
  empty=$(mktemp --suffix=.js)
  trap 'rm -f "$empty"' EXIT
  programs=(tools/bench/classic/richards.js tools/bench/programs/recursion.js
    tools/bench/programs/closures.js "$empty")
fi
command -v valgrind >/dev/null || apt-get install -y valgrind >/dev/null

# Instructions executed by `node PROGRAM` (callgrind's total, "Collected").
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" "$2" 2>&1 >/dev/null |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

printf '| program | before | after | after/before |\n|---|---:|---:|---:|\n'
for program in "${programs[@]}"; do
  b=$(instructions "$before" "$program")
  a=$(instructions "$after" "$program")
  name=$(basename "$program")
  case "$name" in tmp.*) name="(empty script)" ;; esac
  printf '| %s | %s | %s | %s |\n' "$name" "$b" "$a" \
    "$(python3 -c "print(f'{$a / $b:.4f}')")"
done
