//! The HTTP/1.x request and response parsers, with chunked decoding, on arbitrary bytes fed
//! in pieces. The parser is the runtime's own file, included by path: `runtime` is a binary
//! crate and parser.rs uses nothing of it (only `httparse`), so including it is the least
//! invasive way to reach it — no library target, no change to the runtime.
#![no_main]

#[allow(dead_code)]
#[path = "../../runtime/src/bindings/http/parser.rs"]
mod parser;

use libfuzzer_sys::fuzz_target;
use parser::{Event, Kind, Parser};

fuzz_target!(|data: &[u8]| {
    // First byte: which parser, whether the response answers a HEAD request, and the size of
    // the pieces the input is fed in (1 to 64 bytes, or all at once).
    let Some((&control, input)) = data.split_first() else {
        return;
    };
    let kind = if control & 1 == 0 {
        Kind::Request
    } else {
        Kind::Response
    };
    let step = match (control >> 2) & 0x3f {
        0 => input.len().max(1),
        n => n as usize,
    };
    let mut parser = Parser::new(kind);
    parser.no_body = control & 2 != 0;
    let mut events = Vec::new();
    let mut body = 0usize;
    for piece in input.chunks(step) {
        parser.feed(piece, &mut events);
        for event in events.drain(..) {
            if let Event::Body(bytes) = event {
                body += bytes.len();
            }
        }
    }
    parser.finish(&mut events);
    // A decoded body is never longer than what came in.
    assert!(body <= input.len());
});
