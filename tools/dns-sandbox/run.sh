#!/bin/sh
# Runs a command on a private network with a DNS server of our own, the way a user's system
# would point its resolver at one: a new network namespace (only its own loopback), a new
# mount namespace with a resolv.conf bind-mounted over /etc/resolv.conf, and the server on
# 127.0.0.1:53. Nothing on the machine is changed and no query leaves it. Needs root (as CI
# and the tests run); uses unshare, ip and, for the default server, dnsmasq.
#
#   tools/dns-sandbox/run.sh [OPTIONS] [--] COMMAND [ARGS...]
#
#   -s SERVER   dnsmasq (default): dnsmasq with the records of dnsmasq.conf beside this file
#               silent: a server that reads queries and never answers (fake-server.js)
#               garbage: a server that answers each query with bytes that are not DNS
#               tricky: a server whose UDP answers must all be ignored but the last, which is
#               truncated; over TCP it answers (fake-server.js)
#               none: no server at all (queries go unanswered)
#   -o OPTIONS  an "options" line for resolv.conf (e.g. "timeout:1 attempts:1")
#   -r LINE     one more resolv.conf line (e.g. "search test"); may be repeated
#   -N          no "nameserver 127.0.0.1" line in resolv.conf (the resolver's default)
#
# The command's exit status is the script's. Everything started in the sandbox dies with it:
# the sandbox is also a PID namespace whose first process is this script, and unshare's
# --kill-child ends that process if unshare itself is killed (say, by a test's time limit).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# dnsmasq and ip live in sbin, which a non-login PATH may lack.
PATH=$PATH:/usr/sbin:/sbin
export PATH

if [ -z "${DNS_SANDBOX_INSIDE:-}" ]; then
  DNS_SANDBOX_INSIDE=1 exec unshare --mount --net --pid --fork --kill-child --mount-proc sh "$0" "$@"
fi

server=dnsmasq
nameserver="nameserver 127.0.0.1"
options=""
extra=""
while [ $# -gt 0 ]; do
  case "$1" in
    -s) server=$2; shift 2 ;;
    -o) options=$2; shift 2 ;;
    -r) extra="$extra$2
"; shift 2 ;;
    -N) nameserver=""; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "dns-sandbox: no command" >&2; exit 2; }

ip link set lo up
# Private scratch space: a tmpfs seen only in this mount namespace.
work=/run/dns-sandbox
mkdir -p "$work"
mount -t tmpfs dns-sandbox "$work"
{
  [ -z "$nameserver" ] || echo "$nameserver"
  printf '%s' "$extra"
  [ -z "$options" ] || echo "options $options"
} >"$work/resolv.conf"
mount --bind "$work/resolv.conf" /etc/resolv.conf

case "$server" in
  dnsmasq)
    dnsmasq --keep-in-foreground --no-resolv --no-hosts --no-poll --bind-interfaces \
      --listen-address=127.0.0.1 --port=53 --user=root --pid-file="$work/dnsmasq.pid" \
      --log-facility="$work/dnsmasq.log" --conf-file="$here/dnsmasq.conf" &
    ;;
  silent|garbage|tricky)
    node "$here/fake-server.js" "$server" &
    ;;
  none) ;;
  *) echo "dns-sandbox: unknown server $server" >&2; exit 2 ;;
esac

# Wait (up to 10 s) for the server's UDP socket: 127.0.0.1:53 is 0100007F:0035 in /proc.
if [ "$server" != none ]; then
  tries=0
  until grep -q ' 0100007F:0035 ' /proc/net/udp; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ]; then
      echo "dns-sandbox: the $server server did not start" >&2
      cat "$work/dnsmasq.log" >&2 2>/dev/null || true
      exit 2
    fi
    sleep 0.05
  done
fi

status=0
"$@" || status=$?
exit "$status"
