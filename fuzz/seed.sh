#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ from what is at hand: the committed seeds
# in fuzz/seeds/<target>/, test262 (../shared/test262, beside the repository), our script
# tests (tests/scripts/) and the stdlib. The corpora are not committed (fuzz/.gitignore):
# they are rebuilt at run time, and libFuzzer adds to them what it finds.
#
# usage: fuzz/seed.sh [TEST262_DIR]
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
test262=${1:-$root/../shared/test262}

# seed TARGET FILE...: copies the files into the corpus (libFuzzer reads it recursively).
seed() {
  local target=$1
  shift
  cp --parents -t "corpus/$target" "$@"
}

for target in parse vm json regexp http multipart image; do
  mkdir -p "corpus/$target"
  if [ -d "seeds/$target" ]; then
    seed "$target" seeds/"$target"/*
  fi
done

# Scripts: our tests and the stdlib, and test262's small tests (at most 8 KB; one file in
# four, about 12,000 of them, so that a run of a few minutes gets through its corpus).
scripts=$(mktemp)
find "$root/tests/scripts" "$root/stdlib" "$root/conformance" -name '*.js' -size -8k > "$scripts"
if [ -d "$test262/test" ]; then
  find "$test262/test/language" "$test262/test/built-ins" -name '*.js' -size -8k | sort |
    awk 'NR % 4 == 0' >> "$scripts"
fi
for target in parse vm; do
  tr '\n' '\0' < "$scripts" | xargs -0 cp --parents -t "corpus/$target"
done
rm -f "$scripts"

# Regular expressions: the literals of test262's RegExp tests, as "flags byte, pattern,
# NUL, subject" (the regexp target's input), with a subject that exercises them.
if [ -d "$test262/test" ]; then
  find "$test262/test/built-ins/RegExp" "$test262/test/language/literals/regexp" -name '*.js' \
    -print0 | xargs -0 cat | grep -aoE '= */([^/*\\]|\\.)([^/\\]|\\.)*/[gim]*' |
    sed -E 's/^= *//' | sort -u | awk 'NR <= 3000' > corpus/regexp.list || true
  python3 - corpus/regexp.list corpus/regexp <<'PY'
import hashlib, sys
for literal in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines():
    body, _, flags = literal[1:].rpartition("/")
    bits = ("g" in flags) | ("i" in flags) << 1 | ("m" in flags) << 2
    data = bytes([bits]) + body.encode() + b"\0abc ABC 123 aaa\n_xyz\r\n"
    name = hashlib.sha1(data).hexdigest()
    open(f"{sys.argv[2]}/{name}", "wb").write(data)
PY
  rm -f corpus/regexp.list
fi

# Bytecode images: the ones the runtime's build made of the stdlib, if it has been built.
for f in "$root"/target/*/build/runtime-*/out/*.jsbc; do
  if [ -f "$f" ]; then seed image "$f"; fi
done

for target in parse vm json regexp http multipart image; do
  echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) seeds"
done
