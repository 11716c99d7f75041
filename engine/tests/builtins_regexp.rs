//! RegExp and the String methods that take regular expressions.

mod common;

use common::{prints, run, throws};

#[test]
fn scratch() {
    let src = std::fs::read_to_string("/tmp/rx/s.js").unwrap_or_default();
    if src.is_empty() {
        return;
    }
    let (out, completion) = run(&src);
    for line in out {
        println!("{line}");
    }
    println!("{completion:?}");
}
