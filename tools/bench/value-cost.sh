#!/usr/bin/env bash
# What a value costs: for each kind of value, a script keeps a million of them alive in an array
# and the table shows peak RSS divided by a million, less the peak RSS of an empty script, on
# our engine and on QuickJS side by side (the collector's slack and the array's slot are
# included, as a user sees them).
#
#   tools/bench/value-cost.sh [RUNS]      (default 3; the smallest peak of the runs counts)
#
# Peak RSS is GNU time's %M (installed with apt-get if missing). ENGINES="ours quickjs
# node-jitless" adds modern node --jitless (its heap reserves ahead, so read it with care).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"

[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
cargo build --release -p runtime --bin node >/dev/null
(cd tools/bench/qjs && cargo build --release >/dev/null)

declare -A command=(
  [ours]="target/release/node"
  [quickjs]="tools/bench/qjs/target/release/qjs-runner"
  [node-jitless]="env -u NODE_EXTRA_CA_CERTS $(command -v node || echo node) --jitless --no-warnings"
)
read -r -a engines <<<"${ENGINES:-ours quickjs}"

# name and the expression that makes the i-th value (closures through a factory, so that
# each captures its own i)
rows=(
  '{}|{}'
  '{a:1, b:2, c:3}|{a: 1, b: 2, c: 3}'
  '[1, 2, 3]|[1, 2, 3]'
  'closures `function () { return i; }`|make(i)'
  'strings `"s" + i`|"s" + i'
)

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "" >"$dir/empty.js"
for n in "${!rows[@]}"; do
  cat >"$dir/row$n.js" <<EOF
function make(i) { return function () { return i; }; }
var N = 1000000, kept = [];
for (var i = 0; i < N; i++) kept.push(${rows[$n]#*|});
if (kept.length !== N || kept[N - 1] === kept[0]) throw new Error("value-cost: wrong array");
EOF
done

# peak RSS in bytes of a script on an engine: the smallest of the runs
peak() {
  local best="" kb
  for _ in $(seq "$runs"); do
    kb=$(/usr/bin/time -f %M ${command[$1]} "$2" 2>&1 >/dev/null | tail -1)
    [[ "$kb" =~ ^[0-9]+$ ]] || { echo fails; return; }
    if [ -z "$best" ] || [ "$kb" -lt "$best" ]; then best=$kb; fi
  done
  echo $((best * 1024))
}

declare -A base
for e in "${engines[@]}"; do base[$e]=$(peak "$e" "$dir/empty.js"); done

header="| a million of |" rule="|---|"
for e in "${engines[@]}"; do header+=" $e |"; rule+="---|"; done
echo "$header"
echo "$rule"
for n in "${!rows[@]}"; do
  line="| ${rows[$n]%%|*} |"
  for e in "${engines[@]}"; do
    bytes=$(peak "$e" "$dir/row$n.js")
    if [ "$bytes" = fails ]; then line+=" fails |"; else line+=" $(((bytes - ${base[$e]}) / 1000000)) B |"; fi
  done
  echo "$line"
done
line="| (empty script's peak RSS) |"
for e in "${engines[@]}"; do line+=" $((${base[$e]} / 1000000)) MB |"; done
echo "$line"
