#!/usr/bin/env bash
# The engine benchmark: runs every program in tools/bench/programs/ on our engine and on the
# peers, side by side in one run, and prints each mean time and its ratio to QuickJS's, with
# the geometric mean of the ratios.
#
#   tools/bench/engine.sh [RUNS]      (default 5 runs per program and engine)
#
# Peers: QuickJS (built from source through the rquickjs crate, tools/bench/qjs), modern node
# with --jitless, and Duktape and MuJS from Debian (installed with apt-get if missing and
# possible). A peer that is not available is left out of the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"

command -v hyperfine >/dev/null || sudo apt-get install -y hyperfine >/dev/null 2>&1 || apt-get install -y hyperfine >/dev/null
# Debian's duktape package installs its interpreter as `duk`.
command -v duk >/dev/null || apt-get install -y duktape >/dev/null 2>&1 || true
command -v mujs >/dev/null || apt-get install -y mujs >/dev/null 2>&1 || true

cargo build --release -p runtime --bin node >/dev/null
(cd tools/bench/qjs && cargo build --release >/dev/null)

# name and command prefix of each engine
engines=("ours=target/release/node" "quickjs=tools/bench/qjs/target/release/qjs-runner")
peer_node=$(command -v node || true)
[ -n "$peer_node" ] && engines+=("node-jitless=env -u NODE_EXTRA_CA_CERTS $peer_node --jitless --no-warnings")
command -v duk >/dev/null && engines+=("duktape=duk")
command -v mujs >/dev/null && engines+=("mujs=mujs")

out=$(mktemp -d)
for program in tools/bench/programs/*.js; do
  name=$(basename "$program" .js)
  args=()
  for engine in "${engines[@]}"; do
    args+=(--command-name "${engine%%=*}" "${engine#*=} $program")
  done
  hyperfine --runs "$runs" --warmup 1 -N --ignore-failure --export-json "$out/$name.json" "${args[@]}" >/dev/null 2>&1
done

python3 - "$out" <<'PY'
import json, math, os, sys
out = sys.argv[1]
rows, engines = {}, []
for f in sorted(os.listdir(out)):
    data = json.load(open(os.path.join(out, f)))
    program = f[:-5]
    for r in data["results"]:
        name = r["command"]
        if name not in engines:
            engines.append(name)
        failed = any(code != 0 for code in r.get("exit_codes", []))
        rows.setdefault(program, {})[name] = None if failed else r["mean"]
print("| program | " + " | ".join(engines) + " |")
print("|---|" + "---|" * len(engines))
ratios = {e: [] for e in engines}
for program, times in rows.items():
    base = times.get("quickjs")
    cells = []
    for e in engines:
        t = times.get(e)
        if t is None:
            cells.append("fails")
            continue
        if base:
            ratios[e].append(t / base)
            cells.append(f"{t:.3f} s ({t / base:.2f}×)")
        else:
            cells.append(f"{t:.3f} s")
    print(f"| {program} | " + " | ".join(cells) + " |")
geo = []
for e in engines:
    r = ratios[e]
    geo.append(f"{math.exp(sum(map(math.log, r)) / len(r)):.2f}× ({len(r)} of {len(rows)})" if r else "–")
print("| **geomean vs QuickJS** | " + " | ".join(geo) + " |")
PY
rm -rf "$out"
