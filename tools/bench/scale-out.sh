#!/usr/bin/env bash
# Scale-out: requests/s of the hello world through nginx in front of 1, 2 and 4 of our node
# processes (tools/scale-out/: the configuration docs/deploying.md explains), beside modern
# node's cluster module with as many workers (no proxy: cluster is node's own way) and modern
# node processes behind the same nginx. wrk -t2 -c100 for DURATION each, all in one run; the
# figures go to docs/deploying.md.
#
#   tools/bench/scale-out.sh [DURATION]      (default 10s)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx)" >&2; exit 1; }
peer_node=$(command -v node || true)
[ -n "$peer_node" ] || { echo "modern node is needed" >&2; exit 1; }
cargo build --release -p runtime --bin node >/dev/null

work=$(mktemp -d)
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT

wait_port() {
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.1
  done
  echo "nothing answers on port $1" >&2
  exit 1
}

rate() {
  wrk -t2 -c100 -d"$duration" "http://127.0.0.1:$1/" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

cat >"$work/node-backend.js" <<'JS'
require("http").createServer((req, res) => {
  res.writeHead(200, {"Content-Type": "text/plain"});
  res.end("Hello World\n");
}).listen(parseInt(process.argv[2], 10), "127.0.0.1");
JS

# behind_nginx N COMMAND...: N backends made by COMMAND PORT, nginx in front; prints req/s.
behind_nginx() {
  local n=$1
  shift
  local ports=() port
  for i in $(seq "$n"); do
    port=$((19200 + i))
    "$@" "$port" &
    pids+=($!)
    ports+=("$port")
  done
  for port in "${ports[@]}"; do wait_port "$port"; done
  tools/scale-out/nginx.sh "$work" 19200 "${ports[@]}" >/dev/null 2>&1 &
  pids+=($!)
  wait_port 19200
  rate 19200
  stop_all
}

printf '%-9s %18s %18s %16s %14s\n' backends "ours behind nginx" "node behind nginx" "node 20 cluster" "ours/cluster"
for n in 1 2 4; do
  ours=$(behind_nginx "$n" target/release/node tools/scale-out/backend.js)
  node_nginx=$(behind_nginx "$n" env -u NODE_EXTRA_CA_CERTS "$peer_node" "$work/node-backend.js")

  env -u NODE_EXTRA_CA_CERTS "$peer_node" tools/scale-out/cluster.js "$n" 19300 &
  pids+=($!)
  wait_port 19300
  theirs=$(rate 19300)
  stop_all
  printf '%-9s %18s %18s %16s %14s\n' "$n" "$ours" "$node_nginx" "$theirs" \
    "$(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2fx", a / b}')"
done
