#!/usr/bin/env bash
# The HTTP benchmark: the API document's hello-world server (conformance/examples/
# hello-world.js, on our node) and modern node's equivalent (http.createServer with
# res.writeHead/res.end), each under `wrk -t2 -c50 -d10s`, one after the other in one run.
# Prints a table of requests per second, latency p50/p99 and peak RSS (VmHWM of the server
# process, read from /proc after the run).
#
#   tools/bench/http.sh [DURATION]        (default 10s)
#
# Modern node runs without NODE_EXTRA_CA_CERTS, which this machine sets and which slows its
# start. Ports 8000 (ours: the example's port) and 8001 (node) must be free.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null
peer_node=$(command -v node || true)
[ -n "$peer_node" ] || { echo "modern node is not installed" >&2; exit 1; }
cargo build --release -p runtime --bin node >/dev/null

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "${KEEP_WRK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
[ -n "${KEEP_WRK:-}" ] && echo "wrk outputs in $work"

cat >"$work/node-hello.js" <<'EOF'
require("http").createServer(function (req, res) {
  res.writeHead(200, {"Content-Type": "text/plain"});
  res.end("Hello World\n");
}).listen(8001);
EOF

# run NAME PORT COMMAND...: starts the server, waits for it, runs wrk, records the numbers.
run() {
  local name=$1 port=$2
  shift 2
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is taken: stop what listens there first" >&2
    exit 1
  fi
  "$@" >/dev/null &
  server=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
  done
  wrk -t2 -c50 -d"$duration" --latency "http://127.0.0.1:$port/" >"$work/$name.wrk"
  grep VmHWM "/proc/$server/status" | awk '{print $2}' >"$work/$name.rss"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

run ours 8000 target/release/node conformance/examples/hello-world.js
run node 8001 env -u NODE_EXTRA_CA_CERTS "$peer_node" "$work/node-hello.js"

python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]

def millis(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

rows = {}
for name in ("ours", "node"):
    text = open(f"{work}/{name}.wrk").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = millis(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = millis(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", text)
    rss = int(open(f"{work}/{name}.rss").read()) / 1024
    rows[name] = (rps, p50, p99, rss, errors.group(0) if errors else "")

print("| server | requests/s | latency p50 | latency p99 | peak RSS |")
print("|---|---|---|---|---|")
for name, label in (("ours", "ours (hello-world.js)"), ("node", "node 20 (writeHead/end)")):
    rps, p50, p99, rss, errors = rows[name]
    print(f"| {label} | {rps:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {rss:.1f} MB |")
ours, node = rows["ours"], rows["node"]
print(f"\nours/node: {ours[0] / node[0]:.2f}x requests/s, {ours[3] / node[3]:.2f}x peak RSS")
for name in ("ours", "node"):
    if rows[name][4]:
        print(f"{name}: {rows[name][4]}")
PY
