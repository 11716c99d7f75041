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

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
HARNESS = os.path.join(ROOT, "..", "shared", "test262", "harness")

# About 1 KB of ordinary ES5 code, shared with the integration tests; `__N__` gives every copy
# its own names.
MODULE = os.path.join(ROOT, "tests", "fixtures", "es5-module.js")


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
    with open(MODULE, encoding="utf-8") as f:
        module = f.read()

    target = int(args.size_mb * 1024 * 1024)
    written = 0
    n = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            block = harness + [module.replace("__N__", str(n + i)) for i in range(50)]
            n += 50
            text = "".join(block)
            out.write(text)
            written += len(text.encode("utf-8"))
    print(f"wrote {args.out}: {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
