#!/bin/sh
# Run the API document's examples (conformance/api/<section>/NAME.js) and
# compare what they do with what the document says they do.
#
#   conformance/run.sh                      every example
#   conformance/run.sh events sys           the examples of these sections
#   conformance/run.sh api/events/emitter.js   just these (paths from conformance/)
#   NODE=node conformance/run.sh            with another binary
#
# An example is a NAME.js with a NAME.out beside it; other .js files in a
# section (modules that an example requires) are not run on their own. Each
# example runs as `$NODE NAME.js` from its own directory, and passes when
#   - its stdout is exactly NAME.out,
#   - its exit status is the number in NAME.status, or 0 without one,
#   - and, if there is a NAME.err, each of its lines appears in stderr.
# Prints PASS or FAIL per example and a summary; exits 1 if any failed.
#
# NODE defaults to target/release/node of this repository. It is split into
# words, so NODE="node -r ./shim.js" works (and a path with spaces does not).

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

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

# The list of examples: every api/*/*.js with a .out, or those asked for.
list_examples() {
  if [ $# -eq 0 ]; then set -- "$here"/api/*; fi
  for arg in "$@"; do
    case "$arg" in
      /*) path=$arg ;;
      *) if [ -e "$here/$arg" ]; then path="$here/$arg"; else path="$here/api/$arg"; fi ;;
    esac
    if [ -d "$path" ]; then
      for script in "$path"/*.js; do
        [ -f "${script%.js}.out" ] && echo "$script"
      done
    elif [ -f "$path" ]; then
      echo "$path"
    else
      echo "no such example or section: $arg" >&2
      echo "$arg"          # listed, so it is counted as a failure
    fi
  done
}

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

list_examples "$@" >"$tmp/list"
passed=0
failed=0
while IFS= read -r script; do
  name=${script#"$here"/}
  base=${script%.js}
  if [ ! -f "$script" ] || [ ! -f "$base.out" ]; then
    failed=$((failed + 1))
    echo "FAIL $name (no such example, or no .out beside it)"
    continue
  fi

  # shellcheck disable=SC2086
  (cd "$(dirname "$script")" && $runner $NODE "$(basename "$script")" \
    >"$tmp/stdout" 2>"$tmp/stderr" </dev/null)
  status=$?

  expected_status=0
  if [ -f "$base.status" ]; then expected_status=$(cat "$base.status"); fi

  problems=""
  if ! cmp -s "$tmp/stdout" "$base.out"; then
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
    diff -u "$base.out" "$tmp/stdout" | sed -e '1,2d' -e 's/^/    /' | head -40 ;;
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
