#!/bin/sh
# Run every stdlib test (test-*.js in this directory) with `node`, twice:
# once as it is, once with only the ES5 library (es5-host.js), and report
# each run. Exits 0 when all pass.
#
#   stdlib/test/run.sh              all tests
#   stdlib/test/run.sh test-url.js  only these
#
# NODE=path/to/node runs them with another binary (our own, when it can),
# once each: the ES5 run needs the host's -r, and our engine is ES5 anyway.
#
# What the runs show. Under our node: that our modules meet the tests. Under
# modern node (V8), with and without post-ES5 built-ins: that our JavaScript
# modules do not depend on our engine's quirks, nor on built-ins ES5 lacks.
# Neither run shows that the expected values are right: those come from the
# API document or the facts file (each test-*.js says which), never from what
# a run printed.

cd "$(dirname "$0")" || exit 2
if [ -n "$NODE" ]; then modes=plain; else NODE=node; modes="plain es5"; fi
passed=0
failed=0

if [ $# -eq 0 ]; then set -- test-*.js; fi

for test in "$@"; do
  for mode in $modes; do
    if [ $mode = es5 ]; then preload="-r ./es5-host.js"; else preload=""; fi
    # shellcheck disable=SC2086
    if output=$("$NODE" $preload "$test" 2>&1); then
      passed=$((passed + 1))
      echo "PASS $test ($mode)"
    else
      failed=$((failed + 1))
      echo "FAIL $test ($mode)"
      echo "$output" | sed 's/^/    /'
    fi
  done
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
