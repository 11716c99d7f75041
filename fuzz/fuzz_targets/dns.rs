//! A DNS server's reply, as our resolver takes it: hickory-proto's `Message::from_vec`, then
//! our judgement of it (runtime/src/bindings/dns/reply.rs: does it answer our question, is it
//! truncated, its response code, the records of the asked type by answer.rs) and, for what
//! ends the query, the callback's JavaScript values (values.rs) handed to a function that
//! checks their shape. The three files are the runtime's own, included by path (`runtime` is
//! a binary crate; they use nothing of it but each other and the engine): the same functions
//! the resolver calls on a datagram whose id matched, in-process, without sockets.
//!
//! Input: a control byte, then the reply's bytes. Control: bits 0-2 the record type asked
//! (A, AAAA, MX, TXT, SRV, PTR), bit 3 the reply came over TCP, bit 4 the question asked is
//! the reply's own (when it has one: so that the fuzzer reaches past the echo check, which
//! a forged reply fails), else `www.example.com.`.
#![no_main]

#[path = "common.rs"]
mod common;

#[path = "dns_runtime.rs"]
mod dns;

use dns::answer::{Code, Records};
use dns::reply::{judge, Verdict};
use hickory_resolver::proto::op::Message;
use hickory_resolver::proto::rr::{Name, RecordType};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::str::FromStr;

const TYPES: [RecordType; 6] = [
    RecordType::A,
    RecordType::AAAA,
    RecordType::MX,
    RecordType::TXT,
    RecordType::SRV,
    RecordType::PTR,
];

/// The callback's arguments as dns.js receives them: `(error, message)` with udns's numbers,
/// or `(null, records, ttl, cname)` with records of the asked type's shape.
const CHECK: &str = r#"
__keep(function (type, error, records, ttl, cname) {
  function fail(what) { throw new Error(what); }
  if (error !== null) {
    if (!(error instanceof Error)) fail("not an Error");
    if (!(error.errno <= -1 && error.errno >= -6)) fail("errno " + error.errno);
    if (records !== error.message) fail("message");
    return;
  }
  if (!(records instanceof Array) || records.length === 0) fail("records");
  if (typeof ttl !== "number" || ttl < 0 || ttl > 4294967295) fail("ttl");
  if (typeof cname !== "string") fail("cname");
  for (var i = 0; i < records.length; i++) {
    var r = records[i];
    if (type === "MX") {
      if (typeof r.exchange !== "string" || typeof r.priority !== "number") fail("mx");
    } else if (type === "SRV") {
      if (typeof r.name !== "string" || typeof r.port !== "number" ||
          typeof r.weight !== "number" || typeof r.priority !== "number") fail("srv");
    } else if (typeof r !== "string") {
      fail("record " + i);
    }
  }
});
"#;

thread_local! {
    static HARNESS: RefCell<common::Harness> = RefCell::new(common::Harness::new(CHECK));
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, reply)) = data.split_first() else {
        return;
    };
    let record_type = TYPES[usize::from(control & 7) % TYPES.len()];
    let over_tcp = control & 8 != 0;
    let own = match Message::from_vec(reply) {
        Ok(message) if control & 16 != 0 && message.queries.len() == 1 => {
            Some(message.queries[0].name.clone())
        }
        _ => None,
    };
    let name = own.unwrap_or_else(|| Name::from_str("www.example.com.").expect("a name"));
    let outcome = match judge(reply, &name, record_type, over_tcp) {
        Verdict::Ignore | Verdict::AskOverTcp => return,
        Verdict::TryFailed(code) | Verdict::NameMissing(code) => {
            assert!(matches!(
                code,
                Code::TempFail | Code::Protocol | Code::NxDomain | Code::NoData
            ));
            Err(code)
        }
        Verdict::Done(outcome) => outcome,
    };
    if let Ok(answer) = &outcome {
        let count = match &answer.records {
            Records::Strings(records) => records.len(),
            Records::Mx(records) => records.len(),
            Records::Srv(records) => records.len(),
        };
        assert!(count > 0, "an answer without records: {answer:?}");
    }
    let type_name = format!("{record_type}");
    HARNESS.with(|harness| {
        let outcome_text = format!("{outcome:?}");
        let result = harness.borrow_mut().call(|ctx| {
            let mut args = vec![ctx.string(&type_name)];
            args.extend(dns::values::outcome_values(ctx, outcome));
            args
        });
        common::expect_returned(result, &outcome_text);
    });
});
