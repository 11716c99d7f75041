//! The command line itself: version, help, usage errors, unreadable files, shebang lines.

use integration::{node, TempDir};
use std::ffi::OsStr;

#[test]
fn version_is_the_api_level() {
    let run = node(&["--version"]);
    assert_eq!(run.code(), 0);
    assert_eq!(run.stdout, "v0.1.27\n");
    assert_eq!(node(&["-v"]).stdout, "v0.1.27\n");
}

#[test]
fn help_lists_every_flag() {
    let run = node(&["--help"]);
    assert_eq!(run.code(), 0);
    for flag in [
        "--version",
        "--help",
        "--dump-tokens",
        "--dump-ast",
        "--parse-only",
        "v0.1.27",
    ] {
        assert!(
            run.stdout.contains(flag),
            "--help lacks {flag}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn no_arguments_prints_usage_and_fails() {
    let run = node::<&str>(&[]);
    assert_eq!(run.code(), 1);
    assert!(run.stderr.starts_with("Usage: node"), "{}", run.stderr);
}

#[test]
fn unknown_option_is_a_usage_error() {
    let run = node(&["--frobnicate", "x.js"]);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr.contains("unknown option --frobnicate"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_file_says_why() {
    let dir = TempDir::new("missing");
    let path = dir.path().join("nope.js");
    let run = node(&[path.as_os_str()]);
    assert_eq!(run.code(), 1);
    let expected = format!("Error: Cannot open {}: ", path.display());
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert!(run.stderr.contains("No such file"), "{}", run.stderr);
}

#[test]
fn a_directory_is_not_a_script() {
    let dir = TempDir::new("dir");
    let run = node(&[dir.path().as_os_str()]);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr.starts_with("Error: Cannot open "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_script_runs_and_exits_zero() {
    let dir = TempDir::new("run");
    let file = dir.write(
        "ok.js",
        "#!/usr/bin/env node\nvar x = 1;\nfunction f() { return x + 1; }\nf();\n",
    );
    let run = node(&[file.as_os_str(), OsStr::new("an-argument")]);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, "");
}

#[test]
fn an_uncaught_exception_prints_its_stack_and_exits_one() {
    let dir = TempDir::new("throw");
    let file = dir.write(
        "throws.js",
        "function fail() {\n  throw new RangeError('too far');\n}\nfail();\n",
    );
    let run = node(&[file.as_os_str()]);
    assert_eq!(run.code(), 1, "{}", run.stderr);
    let name = file.display();
    // Then come the frames of the bootstrap (stdlib/node.js) that loaded the script.
    let expected = format!("RangeError: too far\n    at fail ({name}:2:9)\n    at {name}:4:1\n");
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert!(run.stderr.contains("at node.js:"), "{}", run.stderr);
}

#[test]
fn parse_only_is_silent_on_success() {
    let dir = TempDir::new("parse-only");
    let file = dir.write("ok.js", "var x = 1;\n");
    let run = node(&[OsStr::new("--parse-only"), file.as_os_str()]);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
}

#[test]
fn trace_gc_prints_a_line_per_cycle() {
    let dir = TempDir::new("trace-gc");
    let file = dir.write(
        "garbage.js",
        "var keep; for (var i = 0; i < 200000; i++) { keep = { n: i, s: 'x' + i }; }\n",
    );
    let run = node(&[OsStr::new("--trace-gc"), file.as_os_str()]);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(!lines.is_empty(), "no collection reported");
    for line in lines {
        assert!(
            line.starts_with("[gc] cycle ")
                && line.contains(" live objects, ")
                && line.contains(" slices, longest ")
                && line.ends_with(" ms"),
            "{line}"
        );
    }
}
