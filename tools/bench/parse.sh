#!/usr/bin/env bash
# The parse benchmark: how fast `node --parse-only` (parse + early errors) goes through ~20 MB of
# ES5, side by side with modern node's `node --check` on the same file, in one hyperfine run.
#
# Usage: tools/bench/parse.sh [SIZE_MB]     (env: PEER=/path/to/modern/node, RUNS=10)
# Prints hyperfine's table, then MB/s for each and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."

size_mb=${1:-20}
runs=${RUNS:-10}
ours=target/release/node
peer=${PEER:-$(command -v node || true)}
input=target/bench/parse-input.js

if ! command -v hyperfine >/dev/null; then
  echo "hyperfine is missing: installing it from Debian" >&2
  apt-get install -y hyperfine >/dev/null || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi

cargo build --release -p runtime
peer_args=()
[ -n "$peer" ] && peer_args=(--peer "$peer")
python3 tools/bench/gen_parse_input.py --out "$input" --size-mb "$size_mb" --node "$ours" "${peer_args[@]}"

# Our parser must accept the whole input, or the timing means nothing.
"$ours" --parse-only "$input"

commands=("$ours --parse-only $input")
[ -n "$peer" ] && commands+=("$peer --check $input")
# Modern node reads NODE_EXTRA_CA_CERTS at start-up; that is not parsing.
env -u NODE_EXTRA_CA_CERTS hyperfine --warmup 1 --runs "$runs" \
  --export-json target/bench/parse.json "${commands[@]}"

python3 - "$input" target/bench/parse.json <<'PY'
import json, os, sys
size = os.path.getsize(sys.argv[1]) / 1e6
results = json.load(open(sys.argv[2]))["results"]
rates = []
for r in results:
    rate = size / r["mean"]
    rates.append(rate)
    print(f"{r['command']}: {r['mean']*1000:.0f} ms mean, {rate:.1f} MB/s")
if len(rates) == 2:
    print(f"ours / modern node: {rates[0] / rates[1]:.2f}x the throughput ({size:.1f} MB input)")
PY
