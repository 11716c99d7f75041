#!/usr/bin/env bash
# Builds the fuzz targets in fuzz/ (cargo-fuzz, libFuzzer, Rust nightly) and runs each for
# SECONDS (default 60), one job at a time at low priority. Fails on any crash, panic, hang
# (a run of one input over 20 s) or allocation over the memory cap; the input that found it
# is in fuzz/artifacts/<target>/. Prints the executions and coverage of every target.
#
# usage: tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse vm json regexp http multipart image dns tls_verify tls_pem tls_session)

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: needs a nightly toolchain (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  nice -n 19 cargo install cargo-fuzz
fi

cd fuzz
nice -n 19 cargo +nightly fuzz build -O
./seed.sh >/dev/null

mkdir -p artifacts logs
failed=()
summary=()
for target in "${targets[@]}"; do
  mkdir -p "artifacts/$target"
  log=logs/$target.log
  echo "== $target: ${seconds}s"
  status=0
  # The json, regexp, multipart and dns targets keep one engine for all inputs (a fresh one per
  # input would be most of the work): its heap outlives each input, which LeakSanitizer's
  # per-input check would take for leaks (and spend 95% of the time scanning).
  leaks=1
  case $target in json | regexp | multipart | dns) leaks=0 ;; esac
  # -rss_limit_mb/-malloc_limit_mb: the memory cap (a larger allocation is a finding);
  # -timeout: a single input running longer is a hang.
  nice -n 19 cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=3072 -malloc_limit_mb=2048 -max_len=16384 -print_final_stats=1 -detect_leaks=$leaks \
    -artifact_prefix="artifacts/$target/" >"$log" 2>&1 || status=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  line="$target: ${runs:-?} executions, ${cov:-no coverage line}"
  if [ "$status" -ne 0 ]; then
    line="$line: FAILED (status $status; see fuzz/$log and fuzz/artifacts/$target/)"
    grep -E '^(==[0-9]+== ERROR|thread .* panicked|SUMMARY)' "$log" | head -5 || true
    failed+=("$target")
  fi
  echo "$line"
  summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in: ${failed[*]}" >&2
  exit 1
fi
