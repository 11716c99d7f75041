#!/usr/bin/env bash
# The posix benchmark: reading a 100 MB file with posix.cat and with posix.read in 64 KB
# chunks on our `node`, side by side with modern node doing the same with fs.readFile and
# fs.read (node 20 has no posix module), printing each mean time and our time as a ratio of
# modern node's.
#
#   tools/bench/posix.sh [RUNS] [MB]     (default 10 runs, a 100 MB file)
#
# Programs: tools/bench/posix/*.js (NAME.js for ours, NAME-node20.js for modern node). The file
# is ASCII text, made in a temporary directory; the page cache holds it after the warm-up runs,
# so this measures the runtime, not the disk. Modern node runs without NODE_EXTRA_CA_CERTS,
# which this machine sets and which doubles its start-up time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
megabytes="${2:-100}"

command -v hyperfine >/dev/null || sudo apt-get install -y hyperfine >/dev/null 2>&1 || apt-get install -y hyperfine >/dev/null
peer_node=$(command -v node || true)
[ -n "$peer_node" ] || { echo "modern node is not installed" >&2; exit 1; }
cargo build --release -p runtime --bin node >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data.txt"
{ yes "the quick brown fox jumps over the lazy dog 0123456789" || true; } | head -c "${megabytes}M" > "$data"
size=$(stat -c %s "$data")

ours=$(pwd)/target/release/node
for program in cat read; do
  hyperfine --runs "$runs" --warmup 2 -N --export-json "$work/$program.json" \
    --command-name ours "$ours tools/bench/posix/$program.js $data $size" \
    --command-name node "env -u NODE_EXTRA_CA_CERTS $peer_node tools/bench/posix/$program-node20.js $data $size" >/dev/null
done

python3 - "$work" "$megabytes" <<'PY'
import json, os, sys
work, megabytes = sys.argv[1], sys.argv[2]
names = {"cat": f"posix.cat, {megabytes} MB (node 20: fs.readFile)",
         "read": f"posix.read, 64 KB chunks, {megabytes} MB (node 20: fs.read)"}
print("| program | ours | node 20 | ours / node |")
print("|---|---|---|---|")
for program in ["cat", "read"]:
    data = json.load(open(os.path.join(work, program + ".json")))
    t = {r["command"]: r["mean"] for r in data["results"]}
    print(f"| {names[program]} | {t['ours'] * 1000:.0f} ms | {t['node'] * 1000:.0f} ms | {t['ours'] / t['node']:.2f}× |")
PY
