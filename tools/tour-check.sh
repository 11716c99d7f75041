#!/usr/bin/env bash
# Checks that docs/engine-tour.md tells the truth: runs every command it shows and compares
# what the command prints with the output shown under it; checks that its links to the
# source lead to files that exist. tools/test.sh runs it.
#
#   tools/tour-check.sh            check (exit 1 on any difference or broken link)
#   tools/tour-check.sh --update   write each command's output into the tour, on purpose,
#                                  after a change to the engine changed what it prints
#   tools/tour-check.sh [--update] FILE    another file of the same form
#
# The form. A command and its output are a fenced block of kind `console` whose first line
# is `$ ` and the command; the lines after it, up to the closing fence, are its output:
#
#     ```console
#     $ target/release/node --dump-tokens docs/engine-tour.js | sed -n '1,8p'
#     1:1      var                  var
#     ...
#     ```
#
# Other blocks (```js, ```sh, ```text) are not run. Each command runs with `sh -c`, with stdin
# from /dev/null, in a clean environment (`env -i` with only PATH and HOME, so that the size of
# the caller's environment, which `process.env` holds, changes no figure of --trace-gc or
# --stats), from a stand-in for the repository's root at a path of fixed length and depth
# (/tmp/tour.XXXXXXXX: a copy of docs/, links to everything else), because the scripts' paths
# are in the strings they make (an error's stack names its file), and how long those strings
# are moves the collector's pacing: a checkout in a deeper directory collected at other points
# and failed the check in CI. Commands run under a time limit of TOUR_TIMEOUT seconds
# (default 300: generous, for a loaded machine). The output shown is the command's stdout; a
# command that shows stderr says so (`2>&1`), and one that writes to stderr without showing
# it, or that exits with a status other than 0, fails the check (that is how a flag that
# disappears is caught, also at the start of a pipeline, whose status is its last command's:
# node's complaint goes to stderr).
#
# What varies from run to run is normalised on both sides before comparing, so the tour can
# show the real text of one run:
#   - a time in milliseconds ("0.182 ms", as --trace-gc prints) becomes "N ms";
#   - a hexadecimal address ("0x7f3a5c0012a0", six digits or more) becomes "0xADDR";
#   - spaces at the ends of lines, and empty lines at the end of the output, are dropped.
# Everything else must match exactly. --update writes the output of this run as it is (less
# empty lines at its end) in place of each shown output that differs from it.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

update=false
if [ "${1:-}" = "--update" ]; then
  update=true
  shift
fi
tour=${1:-docs/engine-tour.md}
limit=${TOUR_TIMEOUT:-300}

if [ ! -f "$tour" ]; then
  echo "tour-check: no file $tour" >&2
  exit 2
fi
if [ ! -x target/release/node ]; then
  echo "tour-check: no target/release/node; build it first (cargo build --release)" >&2
  exit 2
fi

tmp=$(mktemp -d /tmp/tour.XXXXXXXX) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/home" "$tmp/root"
# The stand-in root (see above): docs/ copied, so that the scripts there have its path as
# theirs, everything else linked.
for entry in "$root"/* "$root"/.[!.]*; do
  [ -e "$entry" ] || continue
  name=$(basename "$entry")
  if [ "$name" = docs ]; then
    cp -R "$entry" "$tmp/root/docs"
  else
    ln -s "$entry" "$tmp/root/$name"
  fi
done

# Normalises what varies between runs (see above); reads stdin, writes stdout.
normalise() {
  sed -E -e 's/[0-9]+(\.[0-9]+)? ms\b/N ms/g' \
    -e 's/0x[0-9a-fA-F]{6,}/0xADDR/g' \
    -e 's/[[:space:]]+$//' |
    awk '{ lines[NR] = $0 } $0 != "" { last = NR } END { for (i = 1; i <= last; i++) print lines[i] }'
}

failures=0
blocks=0
# Runs the command of the block that starts at line $1, compares its output with the shown
# one ($tmp/shown), and leaves the raw output in $tmp/actual.
check_block() {
  local start=$1 command=$2
  blocks=$((blocks + 1))
  (cd "$tmp/root" && env -i PATH="$PATH" HOME="$tmp/home" timeout "$limit" sh -c "$command") \
    >"$tmp/actual" 2>"$tmp/stderr" </dev/null
  local status=$?
  local problem=""
  if [ "$status" -eq 124 ]; then
    problem="timed out after $limit s (TOUR_TIMEOUT)"
  elif [ "$status" -ne 0 ]; then
    problem="exit status $status"
  elif [ -s "$tmp/stderr" ]; then
    problem="wrote to stderr without showing it (add 2>&1 or 2>/dev/null to the command)"
  fi
  changed=false
  if [ -z "$problem" ]; then
    normalise <"$tmp/shown" >"$tmp/shown.n"
    normalise <"$tmp/actual" >"$tmp/actual.n"
    if ! cmp -s "$tmp/shown.n" "$tmp/actual.n"; then
      changed=true
      $update || problem="its output differs from the one shown (- shown, + now; normalised)"
    fi
  fi
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAIL $tour:$start: \$ $command"
    echo "  $problem"
    case "$problem" in
      *differs*) diff -u "$tmp/shown.n" "$tmp/actual.n" | sed -e '1,2d' -e 's/^/    /' | head -60 ;;
    esac
    if [ -s "$tmp/stderr" ]; then
      echo "  stderr:"
      head -20 "$tmp/stderr" | sed 's/^/    /'
    fi
  fi
}

# Walks the tour: text, then for each console block its command line and output lines.
# With --update, writes the tour again to $tmp/new with each block's output replaced.
state=text
lineno=0
: >"$tmp/new"
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  case $state in
    text)
      printf '%s\n' "$line" >>"$tmp/new"
      if [ "$line" = '```console' ]; then
        state=command
      fi
      ;;
    command)
      printf '%s\n' "$line" >>"$tmp/new"
      case "$line" in
        '$ '*)
          command=${line#\$ }
          start=$lineno
          : >"$tmp/shown"
          state=output
          ;;
        *)
          echo "FAIL $tour:$lineno: a console block must start with \"\$ COMMAND\""
          failures=$((failures + 1))
          state=text
          ;;
      esac
      ;;
    output)
      if [ "$line" = '```' ]; then
        check_block "$start" "$command"
        if $update && $changed; then
          # The output as it is, less the empty lines at its end. (An output that differs
          # only in what is normalised stays as it was, so --update changes only what did.)
          awk '{ lines[NR] = $0 } $0 != "" { last = NR }
               END { for (i = 1; i <= last; i++) print lines[i] }' "$tmp/actual" >>"$tmp/new"
        else
          cat "$tmp/shown" >>"$tmp/new"
        fi
        printf '%s\n' "$line" >>"$tmp/new"
        state=text
      else
        printf '%s\n' "$line" >>"$tmp/shown"
      fi
      ;;
  esac
done <"$tour"
if [ "$state" != text ]; then
  echo "FAIL $tour: the file ends inside a console block"
  failures=$((failures + 1))
fi

# Links into the repository (relative ones, not http: or #anchors) must lead somewhere.
links=0
dir=$(dirname "$tour")
while IFS= read -r target; do
  links=$((links + 1))
  path=${target%%#*}
  if [ ! -e "$dir/$path" ]; then
    echo "FAIL $tour: the link ($target) leads to nothing"
    failures=$((failures + 1))
  fi
done < <(grep -o '](\([^)]*\))' "$tour" | sed -e 's/^](//' -e 's/)$//' |
  grep -v -E '^(https?:|mailto:|#)' | sort -u)

if $update && [ "$failures" -eq 0 ]; then
  if cmp -s "$tmp/new" "$tour"; then
    echo "tour-check: $tour is up to date ($blocks commands)"
  else
    cp "$tmp/new" "$tour"
    echo "tour-check: updated the outputs in $tour ($blocks commands); review with git diff"
  fi
  exit 0
fi
if [ "$failures" -ne 0 ]; then
  echo "tour-check: $failures failed, of $blocks commands and $links links" \
    "(tools/tour-check.sh --update rewrites the outputs when a change is on purpose)"
  exit 1
fi
echo "tour-check: $blocks commands print what $tour shows; its $links links lead to files"
