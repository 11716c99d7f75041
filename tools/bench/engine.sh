#!/usr/bin/env bash
# The engine benchmark: runs every program of the chosen sets on our engine and on the peers,
# side by side in one run, and prints for each set a table of times and a table of peak RSS,
# each with its ratio to QuickJS's, and the geometric mean of the time ratios (per set and over
# all sets).
#
#   tools/bench/engine.sh [RUNS] [SET...]      (default 5 runs; all sets)
#
# Sets are directories of self-checking programs (each throws on a wrong result):
#   programs  tools/bench/programs/  our own: objects, closures, strings, regexps, JSON...
#   classic   tools/bench/classic/   classic suites: Octane's splay, crypto, navier-stokes,
#                                    raytrace, richards; benchmarks-game-style binary-trees,
#                                    fasta, mandelbrot; dhrystone and deltablue (README.md)
#   patterns  tools/bench/patterns/  what 2010 code is full of: an object as a hash map, a
#                                    million closures, JSON round trips, `s += "ab"`
#   typed     tools/bench/typed/     numeric code on typed arrays: nbody, fannkuch,
#                                    spectralnorm (MuJS has no typed arrays and Duktape
#                                    no `fill`: their failures show as "fails")
#
# Peers: QuickJS (built from source through the rquickjs crate, tools/bench/qjs), modern node
# with --jitless, and Duktape and MuJS from Debian (installed with apt-get if missing and
# possible). A peer that is not available is left out of the table. ENGINES="ours quickjs"
# limits the run to the engines named.
#
# Each run is measured by GNU time (installed if missing): the time is user + system CPU time
# (the machine is shared with builds, and CPU time is what load disturbs least; for the
# single-threaded interpreters it is the wall-clock time of a quiet machine, while node's
# helper threads add theirs to its figure), BENCH_CLOCK=wall reports wall-clock time instead.
# Peak RSS is the largest of the runs. A run is stopped after BENCH_TIMEOUT seconds (default
# 300) and shows as "timeout"; a program that exits non-zero shows as "fails".
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
shift || true
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(programs classic patterns typed)

# Debian's duktape package installs its interpreter as `duk`.
command -v duk >/dev/null || apt-get install -y duktape >/dev/null 2>&1 || true
command -v mujs >/dev/null || apt-get install -y mujs >/dev/null 2>&1 || true
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

cargo build --release -p runtime --bin node >/dev/null
(cd tools/bench/qjs && cargo build --release >/dev/null)

# name and command prefix of each engine
engines=("ours=target/release/node" "quickjs=tools/bench/qjs/target/release/qjs-runner")
peer_node=$(command -v node || true)
[ -n "$peer_node" ] && engines+=("node-jitless=env -u NODE_EXTRA_CA_CERTS $peer_node --jitless --no-warnings")
command -v duk >/dev/null && engines+=("duktape=duk")
command -v mujs >/dev/null && engines+=("mujs=mujs")
if [ -n "${ENGINES:-}" ]; then
  chosen=()
  for engine in "${engines[@]}"; do
    case " $ENGINES " in *" ${engine%%=*} "*) chosen+=("$engine") ;; esac
  done
  engines=("${chosen[@]}")
fi

python3 tools/bench/engine_table.py "$runs" "${BENCH_CLOCK:-cpu}" "${BENCH_TIMEOUT:-300}" \
  "${#sets[@]}" "${sets[@]}" "${engines[@]}"
