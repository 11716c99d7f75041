//! How a syntax error reaches the user: file:line:column, the line, a caret, the message, and
//! exit status 1.

use integration::{node, TempDir};
use std::ffi::OsStr;

#[test]
fn syntax_error_shows_position_line_caret_and_message() {
    let dir = TempDir::new("syntax");
    let file = dir.write("bad.js", "var a;\nvar b;\n  var x = = 2;\n");
    let run = node(&[file.as_os_str()]);
    assert_eq!(run.code(), 1);
    let expected = format!(
        "{}:3:11\n    var x = = 2;\n            ^\nSyntaxError: Unexpected token '='\n",
        file.display()
    );
    assert_eq!(run.stderr, expected);
    assert_eq!(run.stdout, "");
}

#[test]
fn syntax_error_positions_survive_a_shebang_and_crlf() {
    let dir = TempDir::new("syntax-crlf");
    let file = dir.write("bad.js", "#!/usr/bin/env node\r\nvar x;\r\nx y;\r\n");
    let run = node(&[OsStr::new("--parse-only"), file.as_os_str()]);
    assert_eq!(run.code(), 1);
    let mut lines = run.stderr.lines();
    assert_eq!(
        lines.next(),
        Some(format!("{}:3:3", file.display()).as_str())
    );
    assert_eq!(lines.next(), Some("  x y;"));
    assert_eq!(lines.next(), Some("    ^"));
    assert!(
        lines.next().is_some_and(|l| l.starts_with("SyntaxError: ")),
        "{}",
        run.stderr
    );
}

#[test]
fn unexpected_end_of_input_points_past_the_last_character() {
    let dir = TempDir::new("syntax-eof");
    let file = dir.write("bad.js", "f(1,");
    let run = node(&[file.as_os_str()]);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr.starts_with(&format!(
            "{}:1:5\n  f(1,\n      ^\nSyntaxError: ",
            file.display()
        )),
        "{}",
        run.stderr
    );
}
