#!/usr/bin/env python3
"""Writes the input of the parse benchmark: a large file of real-world-style ES5 code.

Each block holds the test262 harness files that both parsers accept (real code written by
other people: assert.js, propertyHelper.js, ...) and a run of generated modules (ordinary
ES5: functions, loops, try/catch, switch, object literals with accessors, regexps). Every
copy is wrapped in its own function so the blocks can repeat without redeclaring anything.

Usage: gen_parse_input.py --out FILE [--size-mb 20] [--node OUR_NODE] [--peer MODERN_NODE]
"""

import argparse
import os
import subprocess
import sys
import tempfile

HARNESS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "test262", "harness")

MODULE = """function module_{n}(exports) {{
  "use strict";
  var items = [1, 2.5, 0x1f, "str\\n", 'q{n}', /ab+c/gi, null, true, , undefined];
  function helper_{n}(a, b) {{
    if (a > b) {{ return a - b; }} else if (a === b) {{ return 0; }}
    for (var i = 0; i < a.length; i++) {{ b += a[i] * {n} % 3; }}
    for (var key in exports) {{ if (!exports.hasOwnProperty(key)) continue; }}
    while (b--) {{ if (!b) break; }}
    do {{ b = b << 1 | 0; }} while (b < 0)
    try {{ throw new Error("x" + b); }} catch (e) {{ b = e.message; }} finally {{ b = b || null; }}
    switch (typeof b) {{ case "string": b = b.length; break; default: b = -b; }}
    return {{ key: b, "quoted": [a, b], 3: function (x) {{ return x ? x : void 0; }} }};
  }}
  var counter = {{ get value() {{ return items.length; }}, set value(v) {{ items.length = v; }} }};
  exports.helper_{n} = helper_{n};
  exports.total = items.reduce(function (s, x) {{ return s + (x instanceof Object ? 1 : 0); }}, 0);
  return counter.value >= 0 && typeof exports === "object" ? exports : null;
}}
"""


def accepted(command, path):
    """Whether `command path` exits 0 (the parser accepts the file)."""
    if not command:
        return True
    env = dict(os.environ)
    env.pop("NODE_EXTRA_CA_CERTS", None)
    result = subprocess.run(command + [path], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, check=False)
    return result.returncode == 0


def harness_sources(checks):
    """The harness files, each wrapped in a function, that every parser in `checks` accepts."""
    kept = []
    harness = os.path.normpath(HARNESS)
    if not os.path.isdir(harness):
        print(f"note: {harness} not found; generated code only", file=sys.stderr)
        return kept
    for name in sorted(os.listdir(harness)):
        if not name.endswith(".js"):
            continue
        with open(os.path.join(harness, name), encoding="utf-8") as f:
            text = "(function () {\n" + f.read() + "\n})();\n"
        with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False, encoding="utf-8") as tmp:
            tmp.write(text)
        try:
            if all(accepted(check, tmp.name) for check in checks):
                kept.append(text)
        finally:
            os.unlink(tmp.name)
    print(f"harness files kept: {len(kept)}", file=sys.stderr)
    return kept


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--node", help="our node: keep only harness files it parses")
    parser.add_argument("--peer", help="modern node: keep only harness files it checks")
    args = parser.parse_args()

    checks = []
    if args.node:
        checks.append([args.node, "--parse-only"])
    if args.peer:
        checks.append([args.peer, "--check"])
    harness = harness_sources(checks)

    target = int(args.size_mb * 1024 * 1024)
    written = 0
    n = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            block = harness + [MODULE.format(n=n + i) for i in range(50)]
            n += 50
            text = "".join(block)
            out.write(text)
            written += len(text.encode("utf-8"))
    print(f"wrote {args.out}: {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
