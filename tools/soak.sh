#!/usr/bin/env bash
# The soak: a million requests to each of our servers (tools/soak/hello.js), driven by wrk,
# with the server's RSS read from /proc after the 100,000th request and at the end. Passes
# when RSS grew by less than 5% between the two (and 1 MB of slack for the allocator's
# rounding) and wrk saw no errors and no status other than 200:
#   http-keepalive   the hello world, keep-alive connections
#   http-new         the hello world, a new connection per request (connection churn)
#   tcp-new          a bare tcp server, a connection per request (connection churn)
#   stream           1 MB bodies sent as the connection drains (fewer requests: see below)
#
#   tools/soak.sh                 the full soak (a million requests each; minutes)
#   tools/soak.sh --short         the form CI runs: 300,000 requests each, 3,000 for stream
#   tools/soak.sh --short http-new   one soak only
set -euo pipefail
cd "$(dirname "$0")/.."

total=1000000
stream_total=20000      # 20 GB through loopback
if [ "${1:-}" = "--short" ]; then
  total=300000
  stream_total=3000
  shift
fi
only="${1:-}"

command -v wrk >/dev/null || { echo "soak: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
node=target/release/node
[ -x "$node" ] || { echo "soak: build first (cargo build --release)" >&2; exit 1; }

server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; true' EXIT

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

# A port nothing listens on.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# soak NAME KIND TOTAL WRK-ARGS...: runs wrk in slices until TOTAL requests are done; RSS is
# read after the first tenth (at least) and at the end.
soak() {
  local name=$1 kind=$2 want=$3
  shift 3
  [ -z "$only" ] || [ "$only" = "$name" ] || return 0
  local port
  port=$(free_port)
  "$node" tools/soak/hello.js "$port" "$kind" &
  server=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
  done
  local done=0 at_mark="" errors=0 slice out requests
  local started=$SECONDS
  local first_mark=$((want / 10))
  [ "$first_mark" -ge 100000 ] || [ "$want" -lt 300000 ] || first_mark=100000
  while [ "$done" -lt "$want" ]; do
    # A generous timeout: on a loaded machine a connect can wait for a SYN retry (1 s, 3 s),
    # which is the machine being busy, not the server failing.
    out=$(wrk "$@" -d2s --timeout 10s "http://127.0.0.1:$port/")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    done=$((done + requests))
    if echo "$out" | grep -q -E "Socket errors|Non-2xx"; then
      errors=$((errors + 1))
      echo "$out" >&2
    fi
    if [ -z "$at_mark" ] && [ "$done" -ge "$first_mark" ]; then
      at_mark=$(rss_kib "$server")
    fi
  done
  local at_end
  at_end=$(rss_kib "$server")
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  local limit=$((at_mark + at_mark / 20 + 1024))
  local verdict=ok
  if [ "$at_end" -gt "$limit" ] || [ "$errors" -gt 0 ]; then
    verdict=FAILED
  fi
  printf '%-15s %9d requests in %4d s   RSS after %d: %6d KiB, at the end: %6d KiB   %s\n' \
    "$name" "$done" $((SECONDS - started)) "$first_mark" "$at_mark" "$at_end" "$verdict"
  [ "$verdict" = ok ]
}

status=0
soak http-keepalive http "$total" -t1 -c20 || status=1
soak http-new http "$total" -t1 -c20 -H "Connection: close" || status=1
soak tcp-new tcp "$total" -t1 -c20 || status=1
soak stream stream "$stream_total" -t1 -c4 || status=1
exit $status
