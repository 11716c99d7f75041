#!/bin/sh
# Run the API document's examples (conformance/api/<section>/NAME.js) and
# compare what they do with what the document says they do.
#
#   conformance/run.sh                      every example listed in api/EXAMPLES
#   conformance/run.sh events sys           the listed examples of these sections
#   conformance/run.sh api/events/emitter.js   just these (paths from conformance/)
#   conformance/run.sh --node PATH          with another binary (or NODE=PATH)
#
# The examples are listed in api/EXAMPLES. A listed example is a NAME.js with
# a NAME.out beside it; a listed example that lacks either fails, and so does
# an api/*/NAME.js with a NAME.out that the list lacks, so that deleting a
# file cannot drop an example silently. Other .js files in a section (modules
# that an example requires) are not run on their own. Each example runs as
# `$NODE NAME.js` from its own directory, and passes when
#   - its stdout is exactly NAME.out,
#   - its exit status is the number in NAME.status, or 0 without one,
#   - and, if there is a NAME.err, each of its lines appears in stderr.
# An example with the line
#   // conformance/run.sh runs this with a free port in place of 8000 ...
# runs as a copy of its directory in a temporary one, with every 8000 of
# NAME.js and of NAME.out replaced by a port that is free at that moment (see
# conformance/README.md, "Ports"). An example with the line
#   // conformance/run.sh runs this inside tools/dns-sandbox/run.sh ...
# runs on a private network whose DNS server answers the document's names
# (conformance/README.md, "DNS"; needs root).
# Prints PASS or FAIL per example. A FAIL line says why, in one line: the
# exception in stderr ("TypeError: sys.puts is not a function"), a time-out or
# a signal, the first line of stdout that differs from NAME.out, a wrong exit
# status, the first NAME.err line missing from stderr, or that the example
# could not run here (the DNS sandbox needs root); the lines under it give the
# details (a diff of stdout, the start of stderr). Then, if any failed, the
# reasons with how many examples each (the exception or the kind of
# difference), and the summary line `N passed, M failed`; exits 1 if any
# failed, 2 if NODE cannot be run at all.
#
# NODE defaults to target/release/node of this repository. It is split into
# words, so NODE="node -r ./shim.js" works (and a path with spaces does not).

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
manifest=$here/api/EXAMPLES

usage() {
  sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --node) [ $# -ge 2 ] || { echo "run.sh: --node needs a path" >&2; exit 2; }
            NODE=$2; shift 2 ;;
    --node=*) NODE=${1#--node=}; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done

NODE=${NODE:-$root/target/release/node}
# A relative path to the binary (its first word, with a "/") is taken from
# where we were run; a bare name ("node") is looked up in PATH as usual.
case "${NODE%% *}" in
  /*) ;;
  */*) NODE="$(pwd)/$NODE" ;;
esac

# Fail early, and clearly, on a binary that is not there.
if ! command -v "${NODE%% *}" >/dev/null 2>&1; then
  echo "run.sh: cannot run ${NODE%% *} (no such file, or not executable)" >&2
  exit 2
fi

# Examples get this long before they count as failed (hung).
limit=${CONFORMANCE_TIMEOUT:-30}
if command -v timeout >/dev/null 2>&1; then runner="timeout $limit"; else runner=""; fi

if [ ! -f "$manifest" ]; then
  echo "run.sh: no list of examples at $manifest" >&2
  exit 2
fi

# The examples listed in api/EXAMPLES (paths under api/), without comments.
listed() {
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$manifest"
}

# The examples to run, one path a line: those of api/EXAMPLES (of the sections
# asked for), then "UNLISTED <path>" for each NAME.js with a NAME.out there
# that api/EXAMPLES lacks; or the files asked for.
list_examples() {
  if [ $# -eq 0 ]; then set -- "$here"/api/*/; fi
  for arg in "$@"; do
    case "$arg" in
      /*) path=$arg ;;
      *) if [ -e "$here/$arg" ]; then path="$here/$arg"; else path="$here/api/$arg"; fi ;;
    esac
    path=${path%/}
    if [ -d "$path" ]; then
      section=${path##*/}
      listed | while IFS= read -r entry; do
        case "$entry" in "$section"/*) echo "$here/api/$entry" ;; esac
      done
      for script in "$path"/*.js; do
        [ -f "${script%.js}.out" ] || continue
        listed | grep -F -x -q -e "${script#"$here"/api/}" || echo "UNLISTED $script"
      done
    elif [ -f "$path" ]; then
      echo "$path"
    else
      echo "no such example or section: $arg" >&2
      echo "$arg"          # listed, so it is counted as a failure
    fi
  done
}

# A TCP port that nothing uses now: a random one below Linux's ephemeral range
# (32768 and up, where outgoing connections take theirs), not among the local
# ports of /proc/net/tcp and tcp6 (any state) where those exist.
free_port() {
  tries=0
  while [ "$tries" -lt 100 ]; do
    tries=$((tries + 1))
    n=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
    port=$((10000 + n % 22000))
    hex=$(printf '%04X' "$port")
    if cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
        awk '{ print $2 }' | grep -q ":$hex\$"; then
      continue
    fi
    echo "$port"
    return 0
  done
  return 1
}

# Why the DNS sandbox cannot run here, or nothing when it can: it makes
# namespaces (root) and starts dnsmasq.
sandbox_problem() {
  PATH=$PATH:/usr/sbin:/sbin
  if [ "$(id -u)" != 0 ]; then
    echo "not run: it needs the DNS sandbox (tools/dns-sandbox/run.sh), which needs root"
  elif ! command -v unshare >/dev/null 2>&1 || ! command -v ip >/dev/null 2>&1; then
    echo "not run: the DNS sandbox needs unshare and ip (util-linux, iproute2)"
  elif ! command -v dnsmasq >/dev/null 2>&1; then
    echo "not run: the DNS sandbox needs dnsmasq"
  fi
}

# Where stdout first differs from the expected output, in one line: the line
# number, what the example printed there and what the document shows (cut at
# 60 characters each).
first_difference() { # expected actual
  awk -v want="$1" -v got="$2" '
    function show(s) {
      if (length(s) > 60) s = substr(s, 1, 60) "..."
      gsub(/"/, "\\\"", s)
      return "\"" s "\""
    }
    BEGIN {
      for (line = 1; ; line++) {
        a = (getline x < want) > 0
        b = (getline y < got) > 0
        if (!a && !b) { print "stdout differs only in its last new-line"; exit }
        if (!b) {
          if (line == 1) print "stdout is empty, expected " show(x) " first"
          else print "stdout stops after line " (line - 1) ", expected " show(x) " next"
          exit
        }
        if (!a) { print "stdout line " line " is " show(y) ", expected nothing more"; exit }
        if (x != y) { print "stdout line " line " is " show(y) ", expected " show(x); exit }
      }
    }'
}

# The first line of a stderr file that reports an exception ("TypeError: x is
# not a function", "AssertionError [ERR_ASSERTION]: ...", "Error: Cannot find
# module 'posix'"), as V8-like engines print uncaught ones.
exception_line() {
  grep -m 1 -E '^(Uncaught )?[A-Za-z]*(Error|Exception)( \[[A-Z_]+\])?: ' "$1" |
    awk '{ if (length($0) > 120) $0 = substr($0, 1, 120) "..."; print }'
}

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

list_examples "$@" >"$tmp/list"
passed=0
failed=0
while IFS= read -r script; do
  case "$script" in UNLISTED\ *)
    failed=$((failed + 1))
    echo "FAIL ${script#UNLISTED "$here"/}: has a .out but is not listed in api/EXAMPLES"
    echo "not listed in api/EXAMPLES" >>"$tmp/reasons"
    continue ;;
  esac
  name=${script#"$here"/}
  base=${script%.js}
  if [ ! -f "$script" ]; then
    failed=$((failed + 1))
    echo "FAIL $name: no such example"
    echo "no such example" >>"$tmp/reasons"
    continue
  fi
  if [ ! -f "$base.out" ]; then
    failed=$((failed + 1))
    echo "FAIL $name: no ${name%.js}.out beside it"
    echo "no .out beside it" >>"$tmp/reasons"
    continue
  fi

  # An example with a fixed port runs as a copy of its directory with a free
  # port in its place, in the script and in the expected output.
  dir=$(dirname "$script")
  expected=$base.out
  fixed=$(sed -n 's|^// conformance/run.sh runs this with a free port in place of \([0-9][0-9]*\).*|\1|p' "$script")
  if [ -n "$fixed" ]; then
    if ! port=$(free_port); then
      failed=$((failed + 1))
      echo "FAIL $name: not run: found no free port"
      echo "not run: found no free port" >>"$tmp/reasons"
      continue
    fi
    rm -rf "$tmp/dir"
    cp -R "$dir" "$tmp/dir"
    dir=$tmp/dir
    sed "s/$fixed/$port/g" "$script" >"$dir/$(basename "$script")"
    sed "s/$fixed/$port/g" "$base.out" >"$tmp/expected"
    expected=$tmp/expected
  fi

  # An example that resolves names runs on the DNS sandbox's private network.
  sandbox=""
  if grep -q '^// conformance/run.sh runs this inside tools/dns-sandbox/run.sh' "$script"; then
    sandbox="$root/tools/dns-sandbox/run.sh --"
    cannot=$(sandbox_problem)
    if [ -n "$cannot" ]; then
      failed=$((failed + 1))
      printf 'FAIL %s: %s\n' "$name" "$cannot"
      printf '%s\n' "$cannot" >>"$tmp/reasons"
      continue
    fi
  fi

  # shellcheck disable=SC2086
  (cd "$dir" && $runner $sandbox $NODE "$(basename "$script")" \
    >"$tmp/stdout" 2>"$tmp/stderr" </dev/null)
  status=$?

  expected_status=0
  if [ -f "$base.status" ]; then expected_status=$(cat "$base.status"); fi

  problems=""
  if ! cmp -s "$tmp/stdout" "$expected"; then
    problems="$problems stdout"
  fi
  if [ "$status" != "$expected_status" ]; then
    problems="$problems status"
  fi
  missing=""
  if [ -f "$base.err" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      [ -z "$line" ] && continue
      grep -F -q -e "$line" "$tmp/stderr" || missing="$missing
      $line"
    done <"$base.err"
    [ -n "$missing" ] && problems="$problems stderr"
  fi

  if [ -z "$problems" ]; then
    passed=$((passed + 1))
    echo "PASS $name"
    continue
  fi

  # Why, in one line: how it ended (a time-out, a signal, an uncaught
  # exception), then what differs.
  why=""
  exception=$(exception_line "$tmp/stderr")
  if [ -n "$runner" ] && [ "$status" = 124 ]; then
    why="timed out after ${limit} s (CONFORMANCE_TIMEOUT)"
  elif [ "$status" -gt 128 ] && [ "$status" != "$expected_status" ]; then
    why="killed by signal $((status - 128))"
  elif [ -n "$exception" ] && ! { [ -f "$base.err" ] && grep -F -x -q -e "$exception" "$base.err"; }; then
    why=$exception
  fi
  # The tally groups by this first reason (or the kind of difference).
  reason=$why
  case "$problems" in *stdout*)
    difference=$(first_difference "$expected" "$tmp/stdout")
    why="${why:+$why; }$difference"
    [ -n "$reason" ] || reason="wrong stdout" ;;
  esac
  case "$problems" in *status*)
    why="${why:+$why; }exit status $status, expected $expected_status"
    [ -n "$reason" ] || reason="wrong exit status" ;;
  esac
  case "$problems" in *stderr*)
    first_missing=$(printf '%s\n' "$missing" | sed -e '/^$/d' -e 's/^ *//' | head -1)
    why="${why:+$why; }stderr lacks \"$first_missing\""
    [ -n "$reason" ] || reason="a line missing from stderr" ;;
  esac
  printf '%s\n' "$reason" >>"$tmp/reasons"

  failed=$((failed + 1))
  printf 'FAIL %s: %s\n' "$name" "$why"
  case "$problems" in *stdout*)
    diff -u "$expected" "$tmp/stdout" | sed -e '1,2d' -e 's/^/    /' | head -40 ;;
  esac
  case "$problems" in *stderr*)
    printf '    stderr lacks:%s\n' "$missing" ;;
  esac
  if [ -s "$tmp/stderr" ]; then
    echo "    stderr:"
    head -20 "$tmp/stderr" | sed 's/^/      /'
  fi
done <"$tmp/list"

# The reasons, most common first: what another implementation lacks most.
if [ -s "$tmp/reasons" ]; then
  echo "why they failed (examples, first reason):"
  sort "$tmp/reasons" | uniq -c | sort -k1,1nr -k2 | sed 's/^ */  /'
fi

if [ $# -eq 0 ]; then
  echo "api/EXAMPLES lists $(listed | wc -l | tr -d ' ') examples"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
