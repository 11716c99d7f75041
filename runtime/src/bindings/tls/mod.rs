//! The native half of TLS (`setSecure`, `verifyPeer`, `getPeerCertificate` in stdlib/tcp.js,
//! which http.js inherits): `rustls` sessions between a connection's socket and its JavaScript
//! events (the reading and writing loops are in tcp/secure.rs), and our own verification of
//! the peer's certificate (verify.rs).
//!
//! v0.1.27 used GnuTLS, which finished every handshake whatever the peer's certificate and
//! let the script ask afterwards how trustworthy it was. The rustls verifiers installed here
//! (credentials.rs) do the same: they accept any certificate chain (still checking that the
//! peer holds the key of the certificate it showed), and `verifyPeer()` computes its number
//! from the chain rustls kept.
//!
//! Credentials are made once per `setSecure` and kept in a table for the life of the process,
//! known to JavaScript by their index; a server hands its index to each connection it accepts.
//! The same PEM strings given again get the same entry, so a script that calls `setSecure` on
//! a new client for every request does not grow the table.

mod credentials;
mod session;
mod verify;

pub use credentials::Credentials;
pub use session::Session;

use crate::bindings::tcp::with_connection;
use crate::bindings::{arg, natives_object, NativeResult};
use engine::object::Object;
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// Which end of the connection the credentials are for.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Role {
    Server,
    Client,
}

thread_local! {
    /// Every set of credentials made, by index, and the index of each by what it was made of.
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

#[derive(Default)]
struct Table {
    entries: Vec<Rc<Credentials>>,
    by_source: FxHashMap<(Role, [String; 4]), usize>,
}

/// The natives of TLS in stdlib/tcp.js (`process._binding("tls")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[
            ("credentials", credentials, 6),
            ("start", start, 3),
            ("verifyPeer", verify_peer, 1),
            ("peerCertificate", peer_certificate, 2),
        ],
    )
}

/// A PEM argument: a string, or nothing (`undefined`, `null`, `0`, `false`, `""` — v0.1.27's
/// tests passed `0` for "no CRL").
fn pem_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<String, Throw<'gc>> {
    let value = arg(args, i);
    if !value.to_boolean() {
        return Ok(String::new());
    }
    Ok(ops::to_string(*ctx, value)?.to_rust_string(ctx))
}

/// _tls.credentials(role, format_type, ca_certs, crl_list, private_key, certificate): the
/// index of the credentials; throws an Error saying what is wrong with them.
fn credentials<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let role = match ops::to_string(*ctx, arg(args, 0))?
        .to_rust_string(ctx)
        .as_str()
    {
        "server" => Role::Server,
        _ => Role::Client,
    };
    let format = ops::to_string(*ctx, arg(args, 1))?.to_rust_string(ctx);
    if !format.eq_ignore_ascii_case("X509_PEM") {
        return Err(plain_error(
            ctx,
            &format!("setSecure: unsupported format_type \"{format}\": it has to be \"X509_PEM\""),
        ));
    }
    let source = [
        pem_arg(ctx, args, 2)?,
        pem_arg(ctx, args, 3)?,
        pem_arg(ctx, args, 4)?,
        pem_arg(ctx, args, 5)?,
    ];
    let key = (role, source);
    if let Some(index) = TABLE.with_borrow(|table| table.by_source.get(&key).copied()) {
        return Ok(Value::Number(index as f64));
    }
    let [ca, crl, private_key, certificate] = &key.1;
    let made = Credentials::new(role, ca, crl, private_key, certificate)
        .map_err(|why| plain_error(ctx, &format!("setSecure: {why}")))?;
    let index = TABLE.with_borrow_mut(|table| {
        table.entries.push(Rc::new(made));
        let index = table.entries.len() - 1;
        table.by_source.insert(key, index);
        index
    });
    Ok(Value::Number(index as f64))
}

/// _tls.start(token, credentials, hostname): from now on the connection speaks TLS, as the
/// server or the client its credentials were made for; a client checks the server's
/// certificate against `hostname`.
fn start<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let index = ops::to_number(*ctx, arg(args, 1))?;
    let found = TABLE.with_borrow(|table| {
        (index.fract() == 0.0 && index >= 0.0)
            .then(|| table.entries.get(index as usize).cloned())
            .flatten()
    });
    let Some(credentials) = found else {
        return Err(ctx.type_error("no such TLS credentials"));
    };
    let host = match arg(args, 2) {
        Value::Undefined | Value::Null => None,
        value => Some(ops::to_string(*ctx, value)?.to_rust_string(ctx)),
    };
    let session = Session::new(credentials, host).map_err(|why| plain_error(ctx, &why))?;
    with_connection(ctx, args, |c| c.start_tls(session))?;
    Ok(Value::Undefined)
}

/// _tls.verifyPeer(token): the number `verifyPeer()` returns (see verify.rs); 0 on a
/// connection that is closed or not secure.
fn verify_peer<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let result = with_connection(ctx, args, |c| c.tls_mut().map(Session::verify_peer))?;
    Ok(Value::Number(f64::from(result.flatten().unwrap_or(0))))
}

/// _tls.peerCertificate(token, format): the peer certificate's subject DN for "DNstring"
/// (any case); undefined when there is no peer certificate or for another format.
fn peer_certificate<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let format = ops::to_string(*ctx, arg(args, 1))?.to_rust_string(ctx);
    if !format.eq_ignore_ascii_case("DNstring") {
        return Ok(Value::Undefined);
    }
    let dn = with_connection(ctx, args, |c| c.tls_mut().and_then(|s| s.peer_dn()))?;
    Ok(match dn.flatten() {
        Some(dn) => ctx.string(&dn),
        None => Value::Undefined,
    })
}

/// An `Error` (not a TypeError) with `message`.
fn plain_error<'gc>(ctx: &Ctx<'gc>, message: &str) -> Throw<'gc> {
    ctx.error(ctx.realm().error_prototype, message)
}
