#!/usr/bin/env bash
# The child-process benchmark: 1,000 short children (`true`) spawned one after another, each
# with its stdin, stdout and stderr on pipes, on our `node` and on modern node side by side in
# one run; prints each mean time and our time as a ratio of modern node's.
#
#   tools/bench/child.sh [RUNS]      (default 5 runs per program)
#
# Modern node runs tools/bench/child/spawn-1000-modern.js (child_process.spawn), without
# NODE_EXTRA_CA_CERTS, which this machine sets and which doubles its start-up time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"

command -v hyperfine >/dev/null || sudo apt-get install -y hyperfine >/dev/null 2>&1 || apt-get install -y hyperfine >/dev/null
peer_node=$(command -v node || true)
[ -n "$peer_node" ] || { echo "modern node is not installed" >&2; exit 1; }
cargo build --release --quiet -p runtime --bin node

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ours=$(pwd)/target/release/node
hyperfine --runs "$runs" --warmup 1 -N --export-json "$work/spawn.json" \
  --command-name ours "$ours tools/bench/child/spawn-1000.js" \
  --command-name node "env -u NODE_EXTRA_CA_CERTS $peer_node tools/bench/child/spawn-1000-modern.js" >/dev/null

python3 - "$work" <<'PY'
import json, os, sys
data = json.load(open(os.path.join(sys.argv[1], "spawn.json")))
t = {r["command"]: r["mean"] for r in data["results"]}
print("| program | ours | node 20 | ours / node |")
print("|---|---|---|---|")
print(f"| spawn 1,000 children one after another | {t['ours'] * 1000:.0f} ms "
      f"({t['ours']:.2f} ms each) | {t['node'] * 1000:.0f} ms "
      f"({t['node']:.2f} ms each) | {t['ours'] / t['node']:.2f}× |")
PY
