#!/usr/bin/env bash
# The runtime benchmark: the same node programs on our `node` and on modern node, side by
# side in one run, printing each mean time and our time as a ratio of modern node's.
#
#   tools/bench/runtime.sh [RUNS]      (default 10 runs per program)
#
# Programs: tools/bench/runtime/*.js, plus `require` of 1,000 small modules (generated into a
# temporary directory). Modern node runs without NODE_EXTRA_CA_CERTS, which this machine sets
# and which doubles its start-up time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"

command -v hyperfine >/dev/null || sudo apt-get install -y hyperfine >/dev/null 2>&1 || apt-get install -y hyperfine >/dev/null
peer_node=$(command -v node || true)
[ -n "$peer_node" ] || { echo "modern node is not installed" >&2; exit 1; }
cargo build --release -p runtime --bin node >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tools/bench/runtime/*.js "$work/"
# require-1000: a main script requiring 1,000 modules of one line each.
mkdir -p "$work/modules"
for i in $(seq 0 999); do echo "exports.value = $i;" > "$work/modules/m$i.js"; done
{
  echo 'var sum = 0;'
  echo 'for (var i = 0; i < 1000; i++) sum += require("./modules/m" + i).value;'
  echo 'if (sum !== 499500) throw new Error("sum " + sum);'
} > "$work/require-1000.js"

ours=$(pwd)/target/release/node
for program in empty timeouts ticks require-1000; do
  hyperfine --runs "$runs" --warmup 2 -N --export-json "$work/$program.json" \
    --command-name ours "$ours $work/$program.js" \
    --command-name node "env -u NODE_EXTRA_CA_CERTS $peer_node $work/$program.js" >/dev/null
done

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
print("| program | ours | node 20 | ours / node |")
print("|---|---|---|---|")
for program in ["empty", "timeouts", "ticks", "require-1000"]:
    data = json.load(open(os.path.join(work, program + ".json")))
    t = {r["command"]: r["mean"] for r in data["results"]}
    print(f"| {program} | {t['ours'] * 1000:.1f} ms | {t['node'] * 1000:.1f} ms | {t['ours'] / t['node']:.2f}× |")
PY
