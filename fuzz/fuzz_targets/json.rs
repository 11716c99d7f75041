//! `JSON.parse` on arbitrary text (UTF-8, invalid sequences as U+FFFD). It must return or
//! throw a SyntaxError (a RangeError only for nesting too deep); what it returns must
//! stringify, and parsing that text again must give the same text.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

const SETUP: &str = r#"
__keep(function (text) {
  var value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof RangeError) return;
    throw e;
  }
  var json;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    if (e instanceof RangeError) return;
    throw e;
  }
  if (json === undefined) throw new Error("JSON.parse gave what JSON.stringify cannot write");
  var again = JSON.stringify(JSON.parse(json));
  if (again !== json) throw new Error("round trip: " + json + " became " + again);
});
"#;

thread_local! {
    static HARNESS: RefCell<common::Harness> = RefCell::new(common::Harness::new(SETUP));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let outcome = HARNESS.with(|h| {
        let mut h = h.borrow_mut();
        h.engine.instruction_limit = Some(10_000_000);
        h.call(|ctx| vec![ctx.string(&text)])
    });
    common::expect_returned(outcome, &text);
});
