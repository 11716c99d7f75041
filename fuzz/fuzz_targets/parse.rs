//! Lexer, parser and early errors on arbitrary bytes (read as UTF-8, invalid sequences as
//! U+FFFD, as `node` reads a file). Any result is fine; a panic, a hang or a runaway
//! allocation is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let arena = bumpalo::Bump::new();
    if let Ok(program) = engine::parse_program(source.as_ref(), &arena) {
        // What parses must compile (the compiler's own errors are syntax errors too, but it
        // must not panic).
        let _ = engine::compiler::compile_script(&program, &source);
    }
});
