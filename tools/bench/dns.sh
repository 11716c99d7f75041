#!/usr/bin/env bash
# The DNS benchmark: 10,000 names resolved against a local dnsmasq with 100 queries in flight,
# on our `node` (dns.resolve4) and on modern node (dns.promises.resolve4, which is c-ares), side
# by side in one run; prints each one's queries per second (median of the runs) and peak RSS.
#
#   tools/bench/dns.sh [RUNS] [NAMES] [IN_FLIGHT]     (default 5 runs, 10000 names, 100)
#
# Both run inside tools/dns-sandbox/run.sh (a private network whose dnsmasq answers every
# NUMBER.bench.test; needs root), one after the other, alternating, so both share the same
# server and the same load. Each program times itself from its first query to its last
# answer (start-up is not counted); peak RSS is GNU time's maximum resident set size of the
# whole process, and CPU its user + system time (start-up included: node 20's is some 30 ms,
# ours a few), which a loaded machine disturbs less than the rate: on two cores shared with
# other work, the rate depends as much on when the scheduler runs us and dnsmasq. Modern node runs without NODE_EXTRA_CA_CERTS, which this machine sets and which
# doubles its start-up time. Programs: tools/bench/dns/resolve.js and resolve-node20.js.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
names="${2:-10000}"
in_flight="${3:-100}"

[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
peer_node=$(command -v node || true)
[ -n "$peer_node" ] || { echo "modern node is not installed" >&2; exit 1; }
cargo build --release --quiet -p runtime --bin node

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ours=$(pwd)/target/release/node
tools/dns-sandbox/run.sh -- sh -c '
  for run in $(seq '"$runs"'); do
    /usr/bin/time -f "%M %U %S" -o '"$work"'/ours-$run.rss '"$ours"' tools/bench/dns/resolve.js '"$names $in_flight"' >'"$work"'/ours-$run.json
    env -u NODE_EXTRA_CA_CERTS /usr/bin/time -f "%M %U %S" -o '"$work"'/node-$run.rss '"$peer_node"' tools/bench/dns/resolve-node20.js '"$names $in_flight"' >'"$work"'/node-$run.json
  done'

python3 - "$work" "$runs" "$names" "$in_flight" <<'PY'
import json, os, statistics, sys
work, runs, names, in_flight = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rate, rss, cpu = {}, {}, {}
for who in ["ours", "node"]:
    rates, rsses, cpus = [], [], []
    for run in range(1, runs + 1):
        result = json.load(open(os.path.join(work, f"{who}-{run}.json")))
        if result["failed"]:
            sys.exit(f"{who}: {result['failed']} queries failed")
        rates.append(result["queries"] / (result["ms"] / 1000))
        # (GNU time's last line: what a killed or failed run adds comes before it.)
        kb, user, system = open(os.path.join(work, f"{who}-{run}.rss")).read().split()[-3:]
        rsses.append(int(kb))
        cpus.append(float(user) + float(system))
    rate[who] = statistics.median(rates)
    rss[who] = max(rsses)
    cpu[who] = statistics.median(cpus)
print(f"{int(names):,} names, {in_flight} in flight, median of {runs} runs:")
print()
print("| runtime | queries/s | CPU (user + system) | peak RSS |")
print("|---|---|---|---|")
print(f"| ours (hickory-proto on the loop) | {rate['ours']:,.0f} | {cpu['ours'] * 1000:.0f} ms "
      f"| {rss['ours'] / 1024:.1f} MB |")
print(f"| node 20 (c-ares) | {rate['node']:,.0f} | {cpu['node'] * 1000:.0f} ms "
      f"| {rss['node'] / 1024:.1f} MB |")
print()
print(f"ours / node: {rate['ours'] / rate['node']:.2f}× the queries per second, "
      f"{cpu['ours'] / cpu['node']:.2f}× the CPU, {rss['ours'] / rss['node']:.2f}× the memory")
PY
