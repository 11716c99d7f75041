//! `--dump-tokens` and `--dump-ast` on a small sample.

use integration::{node, TempDir};
use std::ffi::OsStr;

const SAMPLE: &str = "var x = 1;\nprint(x + 2)\n";

#[test]
fn dump_tokens_prints_one_token_per_line() {
    let dir = TempDir::new("dump-tokens");
    let file = dir.write("sample.js", SAMPLE);
    let run = node(&[OsStr::new("--dump-tokens"), file.as_os_str()]);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    let expected = "\
1:1      var                  var
1:5      identifier x         x
1:7      =                    =
1:9      number 1             1
1:10     ;                    ;
2:1      identifier print     print  [NL]
2:6      (                    (
2:7      identifier x         x
2:9      +                    +
2:11     number 2             2
2:12     )                    )
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn dump_ast_prints_the_tree_with_spans() {
    let dir = TempDir::new("dump-ast");
    let file = dir.write("sample.js", SAMPLE);
    let run = node(&[OsStr::new("--dump-ast"), file.as_os_str()]);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    let expected = "\
Program 1:1-2:13
  VarStatement 1:1-1:11
    VarDecl x 1:5-1:10
      Number 1 1:9-1:10
  ExpressionStatement 2:1-2:13
    Call 2:1-2:13
      Ident print 2:1-2:6
      Binary + 2:7-2:12
        Ident x 2:7-2:8
        Number 2 2:11-2:12
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn dumps_stop_at_a_syntax_error() {
    let dir = TempDir::new("dump-error");
    let file = dir.write("bad.js", "var = 1;");
    let run = node(&[OsStr::new("--dump-ast"), file.as_os_str()]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("SyntaxError: "), "{}", run.stderr);
}
