//! The native half of the DNS module (stdlib/dns.js builds the promises on it): `process._binding("dns")`.
//!
//! v0.1.27 used udns on libev: queries went out on a UDP socket the loop watched, and each
//! answer came back as an event. So do ours (resolver.rs): one UDP socket per nameserver on the
//! loop's `mio::Poll`, every query in flight at once, written and read with `hickory-proto`.
//! answer.rs turns the server's answers into what udns gave: records, a TTL and a canonical
//! name, or one of udns's error codes.
//!
//! `_dns.resolve(name, type, promise)` and `_dns.reverse(ip, promise)` send a query for the
//! promise. After each turn of the loop, the queries that finished in it go to JavaScript in
//! one call ([`deliver_answers`]): the function dns.js gave `_dns.onAnswers(settle)` gets an
//! array, five entries per query: `promise, null, records, ttl, cname`, or `promise, error,
//! message, undefined, undefined` where the error is an `Error` with udns's English message and
//! `errno` the code, as v0.1.27 made it. (One call for all of a turn's answers, not one each:
//! with many queries in flight, an answer rarely comes alone, and each entry into the engine
//! has its price; udns too called the callbacks of all the answers it read in a row.)

mod answer;
mod outgoing;
mod reply;
mod resolver;
mod values;
mod wire;

pub use resolver::Resolver;

use crate::bindings::{arg, natives_object, set_value, string_arg, NativeResult};
use crate::event_loop::{host, EventLoop};
use answer::Code;
use engine::object::Object;
use engine::value::Value;
use engine::vm::{Ctx, Outcome as Ended, Throw};
use hickory_resolver::proto::rr::{Name, RecordType};
use std::net::IpAddr;
use values::outcome_values;

/// The natives stdlib/dns.js is built on and udns's error codes (`process._binding("dns")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    let dns = natives_object(
        ctx,
        &[
            ("resolve", resolve, 3),
            ("reverse", reverse, 2),
            ("onAnswers", on_answers, 1),
        ],
    );
    for code in Code::ALL {
        set_value(
            ctx,
            dns,
            code.name(),
            Value::Number(f64::from(code.number())),
        );
    }
    dns
}

/// `_dns.onAnswers(settle)`: the function the answers go to (see the module's comment).
fn on_answers<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let settle = arg(args, 0);
    if !settle.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("onAnswers needs a function"));
    }
    host::of(ctx)?.state.borrow_mut().dns.settle = Some(ctx.stash(settle));
    Ok(Value::Undefined)
}

/// `_dns.resolve(name, type, promise)`: `type` is one of the record types dns.js knows ("A",
/// "AAAA", "MX", "TXT", "SRV", "PTR"); anything else throws (dns.js never passes one).
fn resolve<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let name = string_arg(ctx, args, 0)?;
    let record_type = match string_arg(ctx, args, 1)?.as_str() {
        "A" => RecordType::A,
        "AAAA" => RecordType::AAAA,
        "MX" => RecordType::MX,
        "TXT" => RecordType::TXT,
        "SRV" => RecordType::SRV,
        "PTR" => RecordType::PTR,
        other => return Err(ctx.type_error(&format!("unknown record type {other}"))),
    };
    submit(ctx, args, 2, resolver::Query::Name(name, record_type))
}

/// `_dns.reverse(ip, promise)`: the PTR records of the address's `in-addr.arpa` (or
/// `ip6.arpa`) name. Something that is not an IPv4 or IPv6 address throws, as v0.1.27 did.
fn reverse<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = string_arg(ctx, args, 0)?;
    let Ok(ip) = text.parse::<IpAddr>() else {
        let realm = ctx.realm();
        let error = realm.new_error(*ctx, realm.error_prototype, "Invalid IP address");
        return Err(Throw(Value::Object(error)));
    };
    // The reverse name is absolute: no search domain is ever appended to it.
    let mut name = Name::from(ip);
    name.set_fqdn(true);
    submit(ctx, args, 1, resolver::Query::Reverse(name))
}

/// Hands `query` to the resolver, for the promise at `promise_at`.
fn submit<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    promise_at: usize,
    query: resolver::Query,
) -> NativeResult<'gc> {
    let promise = arg(args, promise_at);
    if promise.as_object().is_none() {
        return Err(ctx.type_error("the last argument must be the query's promise"));
    }
    let host = host::of(ctx)?;
    let mut state = host.state.borrow_mut();
    if state.dns.settle.is_none() {
        return Err(ctx.type_error("no function to give the answers to (_dns.onAnswers)"));
    }
    state.dns.send(host, ctx.stash(promise), query);
    Ok(Value::Undefined)
}

/// Calls dns.js's `settle` with the queries that finished in this turn of the loop, if any.
///
/// A callback may suspend its stack (`promise.wait()`) or throw past `settle`; the answers after
/// it must still be delivered, and not wait for that stack to resume. So `settle` takes each
/// entry's promise out of the array before it settles it, and skips entries already taken; and
/// whenever a call does not return, the loop calls `settle` again with the same array (each
/// call takes at least one promise, so there are at most as many calls as answers). A suspended
/// stack that resumes later finds nothing left to do in its array.
pub fn deliver_answers(event_loop: &mut EventLoop) {
    let (finished, settle) = {
        let mut state = event_loop.host.state.borrow_mut();
        let finished = state.dns.finished();
        if finished.is_empty() {
            return;
        }
        (finished, state.dns.settle.clone())
    };
    // (Queries are only sent once `settle` is known.)
    let Some(settle) = settle else { return };
    let count = finished.len();
    let answers = event_loop.engine.mutate(|ctx| {
        let mut values = Vec::with_capacity(count * 5);
        for (promise, outcome) in finished {
            values.push(ctx.fetch(&promise));
            values.extend(outcome_values(ctx, outcome));
        }
        ctx.stash(Value::Object(ctx.realm().new_array(ctx, values)))
    });
    for _ in 0..=count {
        let ended = event_loop.engine.call(|ctx| {
            Ok((
                ctx.fetch(&settle),
                Value::Undefined,
                vec![ctx.fetch(&answers)],
            ))
        });
        let returned = matches!(ended, Ended::Returned);
        event_loop.settle(ended);
        event_loop.after_event();
        if returned {
            break;
        }
    }
}
