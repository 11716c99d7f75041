#!/usr/bin/env bash
# Start-up: an empty script on our `node`, on QuickJS (tools/bench/qjs) and on modern node,
# side by side in one hyperfine run, with each one's wall-clock time, its CPU time (user +
# system, what the load of a shared machine disturbs least) and our ratios to QuickJS.
#
#   tools/bench/startup.sh [RUNS]      (default 200 runs each)
#
# OURS=path/to/node measures another build of ours (a fat-LTO release build, say) instead of
# target/release/node, which is then not built.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-200}"

command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
if [ -z "${OURS:-}" ]; then
  cargo build --release -p runtime --bin node >/dev/null
  OURS=target/release/node
fi
[ -x tools/bench/qjs/target/release/qjs-runner ] || (cd tools/bench/qjs && cargo build --release >/dev/null)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.js"
commands=(--command-name ours "$OURS $work/empty.js"
          --command-name quickjs "tools/bench/qjs/target/release/qjs-runner $work/empty.js")
peer_node=$(command -v node || true)
# Modern node without NODE_EXTRA_CA_CERTS, which this machine sets and which doubles its start.
[ -n "$peer_node" ] && commands+=(--command-name "node 20" "env -u NODE_EXTRA_CA_CERTS $peer_node $work/empty.js")
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/startup.json" "${commands[@]}" >/dev/null

python3 - "$work/startup.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
def cpu(r):
    return r["user"] + r["system"]
q = results["quickjs"]
print("| empty script | wall, mean | wall, fastest | CPU (user + system) | ours / QuickJS (wall mean, fastest, CPU) |")
print("|---|---|---|---|---|")
for name, r in results.items():
    ratio = ""
    if name == "ours":
        ratio = f"{r['mean'] / q['mean']:.2f}×, {r['min'] / q['min']:.2f}×, {cpu(r) / cpu(q):.2f}×"
    print(f"| {name} | {r['mean'] * 1000:.2f} ms | {r['min'] * 1000:.2f} ms | {cpu(r) * 1000:.2f} ms | {ratio} |")
PY
