//! The native half of the DNS module (stdlib/dns.js builds the promises on it): `process._dns`.
//!
//! v0.1.27 used udns on libev: queries went out on a UDP socket the loop watched, and each
//! answer came back as an event. So do ours (resolver.rs): one UDP socket per nameserver on the
//! loop's `mio::Poll`, every query in flight at once, written and read with `hickory-proto`;
//! each finished query is delivered as a job of the worker pool would be. answer.rs turns the
//! server's answers into what udns gave: records, a TTL and a canonical name, or one of udns's
//! error codes.
//!
//! `_dns.resolve(name, type, callback)` and `_dns.reverse(ip, callback)` call `callback(error,
//! message)` or `callback(null, records, ttl, cname)` from the loop.

mod answer;
mod reply;
mod resolver;
mod values;

pub use resolver::Resolver;

use crate::bindings::{arg, define_natives, set_value, string_arg, NativeResult};
use crate::event_loop::{host, workers};
use answer::Code;
use engine::object::{Class, Object};
use engine::value::Value;
use engine::vm::{Ctx, Throw};
use hickory_resolver::proto::rr::{Name, RecordType};
use std::net::IpAddr;
use values::deliver;

/// Makes `process._dns`: the two natives and udns's error codes.
pub fn install<'gc>(ctx: Ctx<'gc>, process: Object<'gc>) {
    let dns = Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object);
    define_natives(
        ctx,
        dns,
        &[("resolve", resolve, 3), ("reverse", reverse, 2)],
    );
    for code in Code::ALL {
        set_value(
            ctx,
            dns,
            code.name(),
            Value::Number(f64::from(code.number())),
        );
    }
    set_value(ctx, process, "_dns", Value::Object(dns));
}

/// `_dns.resolve(name, type, callback)`: `type` is one of the record types dns.js knows ("A",
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

/// `_dns.reverse(ip, callback)`: the PTR records of the address's `in-addr.arpa` (or
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

/// Hands `query` to the resolver; the loop calls the callback at `callback_at` with what
/// [`deliver`] makes of the outcome.
fn submit<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    callback_at: usize,
    query: resolver::Query,
) -> NativeResult<'gc> {
    let callback = arg(args, callback_at);
    if !callback.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("the last argument must be a callback"));
    }
    let host = host::of(ctx)?;
    let id = workers::expect(ctx, host, callback, deliver);
    let mut state = host.state.borrow_mut();
    state.dns.send(host, id, query);
    Ok(Value::Undefined)
}
