//! The multipart parser (stdlib/multipart.js, with the real stdlib/events.js) run in the
//! engine, in-process: a fake request emits the body in pieces, as http.js would. The parser
//! may throw only its documented "no boundary" Error; it must finish within a budget of
//! instructions linear in the input, and never emit more body than it was given.
//!
//! Input: a control byte (the size of the pieces: 1 to 255 bytes, 0 for all at once), the
//! boundary (up to the first "\n"), then the body, one character per byte ("binary").
#![no_main]

#[path = "common.rs"]
mod common;

use engine::string::JsString;
use engine::value::Value;
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

const EVENTS: &str = include_str!("../../stdlib/events.js");
const MULTIPART: &str = include_str!("../../stdlib/multipart.js");

/// The part of node's `process` these modules use, `require`, and the function each input
/// goes to.
const PRELUDE: &str = r#"
var __ticks = [];
var process = {
  nextTick: function (f) { __ticks.push(f); },
  inherits: function (ctor, superCtor) {
    function Prototype() {}
    Prototype.prototype = superCtor.prototype;
    ctor.super_ = superCtor;
    ctor.prototype = new Prototype();
    ctor.prototype.constructor = ctor;
  }
};
var __modules = { events: {}, multipart: {} };
function require(name) { return __modules[name]; }
"#;

const DRIVER: &str = r#"
__keep(function (boundary, body, step) {
  var events = __modules.events, multipart = __modules.multipart;
  var request = new events.EventEmitter();
  request.headers = {
    "content-type": "multipart/form-data; boundary=" + boundary,
    "content-length": String(body.length)
  };
  var stream;
  try {
    stream = new multipart.Stream(request);
  } catch (e) {
    if (e.message === "Content-Type header not set to multipart with a boundary") return;
    throw e;
  }
  var received = 0, parts = 0, completed = 0;
  stream.addListener("part", function (part) {
    parts++;
    if (part.getStream() !== stream) throw new Error("getStream");
    part.addListener("body", function (chunk) { received += chunk.length; });
    part.addListener("complete", function () { completed++; });
  });
  var ended = false;
  stream.addListener("complete", function () { ended = true; });
  for (var at = 0; at < body.length; at += step) request.emit("body", body.slice(at, at + step));
  request.emit("complete");
  while (__ticks.length) __ticks.shift()();
  if (!ended) throw new Error("no complete");
  if (completed !== parts) throw new Error(parts + " parts, " + completed + " completed");
  if (received > body.length) throw new Error("more body than input");
  if (stream.bytesReceived !== body.length) throw new Error("bytesReceived");
});
"#;

thread_local! {
    static HARNESS: RefCell<common::Harness> = RefCell::new(common::Harness::new(&format!(
        "{PRELUDE}\n(function (exports) {{\n{EVENTS}\n}})(__modules.events);\n\
         (function (exports) {{\n{MULTIPART}\n}})(__modules.multipart);\n{DRIVER}"
    )));
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let (boundary, body) = match rest.iter().position(|&b| b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let step = match control {
        0 => body.len().max(1),
        n => usize::from(n),
    };
    let outcome = HARNESS.with(|h| {
        let mut h = h.borrow_mut();
        // Linear in the input: a quadratic or endless loop is a finding.
        h.engine.instruction_limit = Some(1_000_000 + 2_000 * rest.len() as u64);
        h.call(|ctx| {
            vec![
                Value::String(JsString::from_latin1(&ctx, boundary.to_vec())),
                Value::String(JsString::from_latin1(&ctx, body.to_vec())),
                Value::Number(step as f64),
            ]
        })
    });
    common::expect_returned(
        outcome,
        &(String::from_utf8_lossy(boundary), body.len(), step),
    );
});
