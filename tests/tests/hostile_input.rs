//! Input no user should be able to crash `node` with: bytes that are not UTF-8, NUL bytes,
//! absurd nesting, very long expressions, very large files. Each must end in a result or a
//! SyntaxError, never a signal, a panic or a hang.

use integration::{node, node_with_limit, Run, TempDir};
use std::ffi::OsStr;
use std::time::Duration;

/// How deep the generated nests go: far deeper than any real program, and deeper than a
/// recursive parser could survive on a default stack.
const DEPTH: usize = 100_000;

/// Runs `node FILE` on `contents` and checks it ends with a syntax error or runs to the end,
/// and exits normally.
fn run_script(name: &str, contents: &[u8]) -> Run {
    let dir = TempDir::new(name);
    let file = dir.write(&format!("{name}.js"), contents);
    let run = node(&[file.as_os_str()]);
    run.assert_clean_exit();
    assert!(
        run.stderr.contains("SyntaxError") || (run.code() == 0 && run.stderr.is_empty()),
        "{name}: neither a syntax error nor a clean run:\n{}",
        run.stderr
    );
    run
}

/// Runs `node --dump-ast FILE` too: the dump walks whatever tree the parser accepted.
fn dump_script(name: &str, contents: &[u8]) -> Run {
    let dir = TempDir::new(name);
    let file = dir.write(&format!("{name}.js"), contents);
    let run = node(&[OsStr::new("--dump-ast"), file.as_os_str()]);
    run.assert_clean_exit();
    run
}

/// A script's bytes are decoded as UTF-8 with each invalid sequence read as U+FFFD (the README's
/// "The command line", as node did, which decoded scripts with V8's UTF-8 decoder). Each
/// maximal invalid subpart is one U+FFFD (the Unicode Standard's "U+FFFD substitution of
/// maximal subparts", which V8 and Rust's `from_utf8_lossy` follow).
#[test]
fn invalid_utf8_is_decoded_with_replacement_characters() {
    // In a string literal the replacement characters are just text: three invalid bytes are
    // three U+FFFD, and a truncated sequence (\xe2\x82 then a quote) is one.
    let run = run_script(
        "utf8-string",
        b"var sys = require('sys');\n\
          var s = '\xff\xfe\xc3', t = 'a\xe2\x82';\n\
          sys.puts(s.length + ' ' + s.charCodeAt(0).toString(16) + ' ' +\n\
                   s.charCodeAt(1).toString(16) + ' ' + s.charCodeAt(2).toString(16));\n\
          sys.puts(t.length + ' ' + t.charCodeAt(1).toString(16));\n\
          sys.puts(s);\n",
    );
    assert_eq!(
        run.stdout, "3 fffd fffd fffd\n2 fffd\n\u{fffd}\u{fffd}\u{fffd}\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
    // Outside a literal U+FFFD is not a valid character: a SyntaxError, pointing at it.
    let run = run_script("utf8-code", b"var \xff = 1;\n");
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr.contains("var \u{fffd} = 1;"),
        "the line shown has U+FFFD: {}",
        run.stderr
    );
    let run = run_script("utf8-truncated", b"var x = 1; \xe2\x82");
    assert_eq!(run.code(), 1);
    assert!(run.stderr.contains("SyntaxError"), "{}", run.stderr);
}

#[test]
fn nul_bytes_are_handled() {
    run_script("nul-code", b"var a\0= 1;\n");
    run_script("nul-string", b"var a = '\0';\n");
    run_script("nul-only", b"\0\0\0\0");
}

#[test]
fn deep_parentheses() {
    let nested = format!("{}1{}", "(".repeat(DEPTH), ")".repeat(DEPTH));
    run_script("deep-parens", nested.as_bytes());
    dump_script("deep-parens-dump", nested.as_bytes());
    run_script("deep-parens-open", "(".repeat(DEPTH).as_bytes());
}

#[test]
fn deep_array_literals() {
    let nested = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    run_script("deep-arrays", nested.as_bytes());
    dump_script("deep-arrays-dump", nested.as_bytes());
}

#[test]
fn deep_blocks() {
    let nested = format!("{}{}", "{".repeat(DEPTH), "}".repeat(DEPTH));
    run_script("deep-blocks", nested.as_bytes());
    dump_script("deep-blocks-dump", nested.as_bytes());
}

#[test]
fn deep_prefix_operators() {
    let nested = format!("{}1", "!".repeat(DEPTH));
    run_script("deep-bangs", nested.as_bytes());
    dump_script("deep-bangs-dump", nested.as_bytes());
}

#[test]
fn long_binary_chain() {
    let chain = format!("{}1", "1+".repeat(DEPTH));
    run_script("long-chain", chain.as_bytes());
    dump_script("long-chain-dump", chain.as_bytes());
}

/// About 1 KB of ordinary ES5 code (shared with the parse benchmark); every copy gets its own
/// names by replacing `__N__`.
const MODULE: &str = include_str!("../fixtures/es5-module.js");

#[test]
fn fifty_megabytes_parse_in_reasonable_time() {
    let mut source = String::with_capacity(51 << 20);
    let mut n = 0;
    while source.len() < 50 << 20 {
        source.push_str(&MODULE.replace("__N__", &n.to_string()));
        n += 1;
    }
    let dir = TempDir::new("big");
    let file = dir.write("big.js", &source);
    drop(source);
    // Generous: a debug build is many times slower than a release one.
    let run = node_with_limit(
        &[OsStr::new("--parse-only"), file.as_os_str()],
        Duration::from_secs(300),
    );
    run.assert_clean_exit();
    assert_eq!(run.code(), 0, "{}", run.stderr);
    eprintln!("50 MB parsed in {:?}", run.elapsed);
}
