#!/usr/bin/env bash
# The TLS benchmark: the hello-world server over https (tools/bench/tls/hello-https.js, on our
# node: http.Server with setSecure) and modern node's https equivalent, with the same
# certificate (2048-bit RSA, from tests/fixtures/tls/make-certs.sh), each under
# `wrk -t2 -c50 -d10s`, one after the other in one run:
#   keep-alive      one handshake per connection, then requests on it
#   new connection  "Connection: close": a full handshake for every request
# Prints a table of requests per second, latency p50/p99 and peak RSS (VmHWM of the server
# process, read from /proc after the run; each run starts a fresh server). Then, since wrk's
# latencies over TLS are unreliable on a loaded machine, each server's latency alone: 3,000
# requests one after the other on one keep-alive TLS connection (Python's ssl), p50/p99/max.
#
#   tools/bench/tls.sh [DURATION]        (default 10s)
#
# Modern node runs without NODE_EXTRA_CA_CERTS, which this machine sets and which slows its
# start. Ports 8443 (ours) and 8444 (node) must be free.
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
bash tests/fixtures/tls/make-certs.sh "$work/certs" >/dev/null

# run NAME PORT WRK-OPTIONS -- COMMAND...: starts the server, waits for it, runs wrk, records
# the numbers.
run() {
  local name=$1 port=$2 options=()
  shift 2
  while [ "$1" != "--" ]; do options+=("$1"); shift; done
  shift
  if curl -sk -o /dev/null "https://127.0.0.1:$port/"; then
    echo "port $port is taken: stop what listens there first" >&2
    exit 1
  fi
  "$@" >/dev/null &
  server=$!
  for _ in $(seq 100); do
    curl -sk -o /dev/null "https://127.0.0.1:$port/" && break
    sleep 0.1
  done
  wrk -t2 -c50 -d"$duration" --latency "${options[@]}" "https://127.0.0.1:$port/" >"$work/$name.wrk"
  if [ "${options[*]}" = "" ]; then
    python3 - "$port" >"$work/$name.sequential" <<'PY'
import socket, ssl, sys, time
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", int(sys.argv[1]))),
                    server_hostname="localhost")
request, times = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", []
for _ in range(3000):
    started, answer = time.perf_counter(), b""
    s.sendall(request)
    while not answer.endswith(b"0\r\n\r\n"):    # the end of the chunked body
        answer += s.recv(4096)
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(f"{times[1500]:.3f} {times[2970]:.3f} {times[-1]:.3f}")
PY
  fi
  grep VmHWM "/proc/$server/status" | awk '{print $2}' >"$work/$name.rss"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

ours=(target/release/node tools/bench/tls/hello-https.js "$work/certs" 8443)
theirs=(env -u NODE_EXTRA_CA_CERTS "$peer_node" tools/bench/tls/node-hello-https.js "$work/certs" 8444)
run ours-keep 8443 -- "${ours[@]}"
run node-keep 8444 -- "${theirs[@]}"
run ours-new 8443 -H "Connection: close" -- "${ours[@]}"
run node-new 8444 -H "Connection: close" -- "${theirs[@]}"

python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]

def millis(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

rows = {}
for name in ("ours-keep", "node-keep", "ours-new", "node-new"):
    text = open(f"{work}/{name}.wrk").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = millis(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = millis(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", text)
    rss = int(open(f"{work}/{name}.rss").read()) / 1024
    rows[name] = (rps, p50, p99, rss, errors.group(0) if errors else "")

print("| connections | server | requests/s | latency p50 | latency p99 | peak RSS |")
print("|---|---|---|---|---|---|")
for kind, label in (("keep", "keep-alive"), ("new", "new per request")):
    for who, server in (("ours", "ours (hello-https.js)"), ("node", "node 20 (https)")):
        rps, p50, p99, rss, errors = rows[f"{who}-{kind}"]
        print(f"| {label} | {server} | {rps:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {rss:.1f} MB |")
print()
for kind, label in (("keep", "keep-alive"), ("new", "new connection per request")):
    ours, node = rows[f"ours-{kind}"], rows[f"node-{kind}"]
    print(f"{label}: ours/node {ours[0] / node[0]:.2f}x requests/s, "
          f"{ours[3] / node[3]:.2f}x peak RSS")
for name, row in rows.items():
    if row[4]:
        print(f"{name}: {row[4]}")
print("\n| one connection, one request at a time | latency p50 | latency p99 | max |")
print("|---|---|---|---|")
for who, server in (("ours", "ours (hello-https.js)"), ("node", "node 20 (https)")):
    p50, p99, most = open(f"{work}/{who}-keep.sequential").read().split()
    print(f"| {server} | {p50} ms | {p99} ms | {most} ms |")
PY
