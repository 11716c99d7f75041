#!/usr/bin/env bash
# Runs real libraries of 2010, fetched from the npm registry at run time, on our node: their
# own test suites (or, where the package ships no runner that works on v0.1.27, a small
# driver in tools/era-libraries/ doing what that runner did, with posix in place of the later
# fs). Nothing third-party is kept in the repository: each package is `npm pack`ed into a
# temporary directory. Prints one line a check and `N passed, M failed` at the end.
#
#   tools/era-libraries.sh [path/to/node]     (default: target/release/node)
#
# Needs npm and the registry. Not part of tools/test.sh.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
node=${1:-$root/target/release/node}
node=$(cd "$(dirname "$node")" && pwd)/$(basename "$node")
drivers=$root/tools/era-libraries
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# fetch NAME@VERSION: unpacks the package into $tmp/NAME and prints that path.
fetch() {
    local dir=$tmp/${1%@*}
    mkdir -p "$dir/pkg"
    if ! (cd "$dir" && npm pack --silent "$1" >/dev/null 2>&1); then
        echo "cannot fetch $1" >&2
        return 1
    fi
    # Packages of 2010 name their top directory anything: strip it.
    tar xzf "$dir"/*.tgz -C "$dir/pkg" --strip-components=1
    echo "$dir/pkg"
}

# check NAME PATTERN COMMAND...: runs COMMAND (60 s at most) and passes when its output
# matches the extended regular expression PATTERN.
check() {
    local name=$1 pattern=$2 out
    shift 2
    out=$(timeout 60 "$@" 2>&1)
    if grep -Eq -- "$pattern" <<<"$out"; then
        passed=$((passed + 1))
        echo "ok   $name: $(grep -E -- "$pattern" <<<"$out" | tail -1)"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        tail -20 <<<"$out" | sed 's/^/     /'
    fi
}

# haml-js 0.2.5: every test/*.haml renders to its test/*.html (its test/test.js, on posix).
if d=$(fetch haml@0.2.5); then
    check haml@0.2.5 '^13 passed, 0 failed$' "$node" "$drivers/haml.js" "$d"
fi

# ejs 0.0.4: test/ejs.test.js, an expresso suite.
if d=$(fetch ejs@0.0.4); then
    check ejs@0.0.4 '^14 passed, 0 failed$' \
        "$node" "$drivers/expresso.js" "$d/lib" "$d/test/ejs.test.js"
fi

# underscore 1.0.3: its QUnit tests (objects.js needs an iframe, speed.js is a benchmark).
if d=$(fetch underscore@1.0.3); then
    check underscore@1.0.3 '^128 passed, 0 failed$' "$node" "$drivers/qunit.js" "$d" \
        arrays.js chaining.js collections.js functions.js utility.js
fi

# uglify-js 0.0.5: test/testparser.js, and the compressor against test/unit/compress.
if d=$(fetch uglify-js@0.0.5); then
    check "uglify-js@0.0.5 parser" '^310 passed, 0 failed$' \
        "$node" "$drivers/uglify-parser.js" "$d"
    check "uglify-js@0.0.5 compress" '^35 passed, 0 failed$' \
        "$node" "$drivers/uglify-compress.js" "$d"
fi

# CoffeeScript 0.7.0: its language tests, as `cake test` runs them.
if d=$(fetch coffee-script@0.7.0); then
    check coffee-script@0.7.0 '^334 passed, 0 failed$' "$node" "$drivers/coffee.js" "$d"
fi

# sass.js 0.4.3: spec/fixtures, each .sass rendered equals its .css.
if d=$(fetch sass@0.4.3); then
    check sass@0.4.3 '^11 passed, 0 failed$' "$node" "$drivers/sass.js" "$d"
fi

# less 1.0.5: test/less-test.js's comparisons. It loads `fs` (after v0.1.27) only to read
# @import files, so an empty stand-in is put on require.paths and import.less is left out.
if d=$(fetch less@1.0.5); then
    mkdir -p "$tmp/stubs" && echo '// fs came after v0.1.27: an empty stand-in' >"$tmp/stubs/fs.js"
    check less@1.0.5 '^18 passed, 0 failed$' "$node" "$drivers/less.js" "$d" "$tmp/stubs"
fi

# jsdom 0.0.1: its test/runner.js under mjsunit.runner 0.1.3. Its testlog.txt records
# level1 core 527/527, html 238/238, svg 527/527; level2 was not written yet.
if d=$(fetch jsdom@0.0.1) && m=$(fetch mjsunit.runner@0.1.3); then
    mkdir -p "$tmp/paths" && ln -sfn "$m" "$tmp/paths/mjsunit.runner"
    for suite in level1/core:527 level1/html:238 level1/svg:527 browser:12 window:1; do
        check "jsdom@0.0.1 ${suite%:*}" "^0 of ${suite#*:} failed" \
            bash -c 'cd "$1/test" && "$2" "$3" "$1" "$4" --suite "$5"' _ \
            "$d" "$node" "$drivers/jsdom.js" "$tmp/paths" "${suite%:*}"
    done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
