#!/usr/bin/env bash
# The project's test command: what CI runs (through .ci/run) and what a developer runs before
# pushing. Checks formatting, lints and docs, builds everything, runs every unit and integration
# test, then checks that every test262 test that passed before still passes (and ran), runs the
# API examples and the stdlib tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# The workspace's lints are enforced, not only declared: formatting, clippy with warnings as
# errors, and the API documentation (broken or private intra-doc links fail it).
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --workspace

# The integration tests drive the built `node` binary, which cargo does not build for another
# package's tests: build the whole workspace first.
cargo build --release --workspace
# The list of functions start-up runs, which the linker packs together, still names the
# binary's functions (a new toolchain renames them all: then regenerate it).
tools/startup-order.sh --check
cargo test --release --workspace
cargo run --release -p test262 -- --es5 --expect conformance/test262/parse-es5.txt --results target/test262-parse-results.txt
# And every ES5 test that ran correctly on the VM before still does.
cargo run --release -p test262 -- --es5 --phase run --expect conformance/test262/run-es5.txt --results target/test262-run-results.txt
# And the 2010 V8 dialect's tests (Annex B, __proto__, function names, let/const) that passed.
cargo run --release -p test262 -- --dialect --phase run --expect conformance/test262/run-dialect.txt --results target/test262-dialect-results.txt
# And the typed-array, ArrayBuffer and DataView tests that passed.
cargo run --release -p test262 -- --typed-arrays --phase run --expect conformance/test262/run-typed-arrays.txt --results target/test262-typed-arrays-results.txt
# Every example of the API document's sections that are built runs and prints what it shows.
conformance/run.sh
# The commands of the engine tour (docs/engine-tour.md) print what the tour shows.
tools/tour-check.sh
# The JavaScript modules of stdlib/ pass their own tests, under our node.
NODE="$(pwd)/target/release/node" stdlib/test/run.sh
# The servers under a soak: connection churn and keep-alive, RSS flat, no errors (the short
# form; `tools/soak.sh` alone runs a million requests each).
tools/soak.sh --short
# Every fuzz target for a minute (cargo-fuzz on the nightly toolchain, which .ci/run checks):
# a crash, panic, hang or runaway allocation fails the run.
tools/fuzz.sh 60
