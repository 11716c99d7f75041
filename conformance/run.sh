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
# Prints PASS or FAIL per example, then the summary line `N passed, M failed`;
# exits 1 if any failed.
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

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

list_examples "$@" >"$tmp/list"
passed=0
failed=0
while IFS= read -r script; do
  case "$script" in UNLISTED\ *)
    failed=$((failed + 1))
    echo "FAIL ${script#UNLISTED "$here"/} (has a .out but is not listed in api/EXAMPLES)"
    continue ;;
  esac
  name=${script#"$here"/}
  base=${script%.js}
  if [ ! -f "$script" ]; then
    failed=$((failed + 1))
    echo "FAIL $name (no such example)"
    continue
  fi
  if [ ! -f "$base.out" ]; then
    failed=$((failed + 1))
    echo "FAIL $name (no ${name%.js}.out beside it)"
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
      echo "FAIL $name (found no free port)"
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

  failed=$((failed + 1))
  echo "FAIL $name (wrong:$problems)"
  case "$problems" in *stdout*)
    diff -u "$expected" "$tmp/stdout" | sed -e '1,2d' -e 's/^/    /' | head -40 ;;
  esac
  case "$problems" in *status*)
    echo "    exit status $status, expected $expected_status" ;;
  esac
  case "$problems" in *stderr*)
    echo "    stderr lacks:$missing" ;;
  esac
  if [ -s "$tmp/stderr" ]; then
    echo "    stderr:"
    head -20 "$tmp/stderr" | sed 's/^/      /'
  fi
done <"$tmp/list"

if [ $# -eq 0 ]; then
  echo "api/EXAMPLES lists $(listed | wc -l | tr -d ' ') examples"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
