#!/usr/bin/env bash
# The order the linker lays out `node`'s functions in: runtime/startup-order.txt lists the
# functions that starting up runs (an empty script, and one that prints a line through
# require("sys")), by their symbol names, and runtime/build.rs hands the list to the linker
# (lld's --symbol-ordering-file), which puts them side by side at the start of the code.
#
# Why: the kernel maps a program's code into memory a page fault at a time, 64 KiB around the
# page that faulted. Laid out as the compiler left them, the ~550 functions that start-up runs
# lie scattered over the binary's 4 MiB of code and cost 31 such faults (~2.5 us each); packed
# together they cost 8 (docs/performance.md, "Session 11: the functions start-up runs, side by
# side").
#
#   tools/startup-order.sh           write runtime/startup-order.txt from target/release/node
#   tools/startup-order.sh --check   fail if the binary has lost most of the listed functions
#
# Regenerate after a change of Rust toolchain or of a crate's dependencies (symbol names carry a
# hash of the compiler, the crate and what it depends on: adding one dependency to the engine
# renamed half the list) or after changes to what start-up runs; `--check`, which tools/test.sh
# runs, fails when most of the names are gone. A name the binary no longer has is skipped by
# the linker without error; a function start-up runs that the list lacks is merely left where it
# was. The list must come from a release build of the committed profile (fat LTO): that is the
# build it orders.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=target/release/node
list=runtime/startup-order.txt

if [ "${1:-}" = "--check" ]; then
  # Symbols of the binary, to count how many of the list it still has.
  present=$(nm --defined-only "$binary" | awk '{print $3}' | sort -u | comm -12 - <(sort -u "$list") | wc -l)
  total=$(grep -c . "$list")
  echo "startup-order: $present of $total listed functions are in $binary"
  if [ $((present * 2)) -lt "$total" ]; then
    echo "startup-order: most are gone (a new toolchain, or a dependency added?): run tools/startup-order.sh" >&2
    exit 1
  fi
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.js"
echo 'require("sys").puts("hello");' > "$work/hello.js"
for script in empty hello; do
  # --demangle=no: the linker wants the names as they are in the object files.
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$script.out" \
    "$binary" "$work/$script.js" >/dev/null 2>&1
  # One line per function that ran: "Ir  file:function [object]"; keep this binary's own,
  # most instructions first, without callgrind's marks of recursion ('2) and the code it
  # could not name.
  callgrind_annotate --auto=no --threshold=100 "$work/$script.out" 2>/dev/null \
    | grep -F "[$(realpath "$binary")]" \
    | sed -E 's/^ *[0-9,]+ +\([ 0-9.]+%\) +[^:]*:([^ ]+) \[.*$/\1/' \
    | sed -E "s/'[0-9]+\$//" | grep -Ev '^(0x|\?)|[ ()]' >> "$work/names"
done
# Both scripts' functions, each once, in the order first seen.
awk '!seen[$0]++' "$work/names" > "$list"
echo "startup-order: $(wc -l < "$list") functions in $list"
