//! The native half of HTTP (stdlib/http.js is the other): what happens for every request is
//! done here, in bytes, so that the JavaScript per request stays short.
//!
//! - `parse` gives a connection an HTTP parser (parser.rs). For each head it reads, the
//!   connection makes the objects of the API itself — a ServerRequest and its ServerResponse,
//!   or a ClientResponse — with the prototypes http.js gave, and calls http.js's handler with
//!   them.
//! - `head` writes a message's head (first line, the headers given, and the framing headers
//!   the message needs) and tells the message how its body is framed.
//! - `write` queues a piece of a message on the socket: the head before the first piece, the
//!   chunked framing around each, the terminating chunk after the last.

pub mod parser;

use crate::bindings::tcp::{self, Connection};
use crate::bindings::{arg, names, natives_object, NativeResult};
use crate::encoding::Encoding;
use engine::object::{Attributes, Class, Object, PropertyKey};
use engine::string::{JsString, Units};
use engine::value::Value;
use engine::vm::{ops, Ctx, Handle, Throw};
use parser::{self as http_parser, Head, Parser};
use std::io::Write as _;

/// The natives stdlib/http.js is built on (`process._binding("http")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[
            ("parse", parse, 6),
            ("noBody", no_body, 1),
            ("head", head, 3),
            ("write", write, 6),
        ],
    )
}

/// What an HTTP connection's parser events go to: http.js's handler, and the prototypes of the
/// objects made for each message.
#[derive(Clone)]
pub struct HttpSide {
    pub handler: Handle,
    /// ServerRequest.prototype (server) or ClientResponse.prototype (client).
    incoming: Handle,
    /// ServerResponse.prototype (server only).
    outgoing: Option<Handle>,
}

/// Adds the arguments of the "message" call: `(incoming, response or null, complete)`.
pub fn message_args<'gc>(
    ctx: Ctx<'gc>,
    side: &HttpSide,
    connection: Value<'gc>,
    head: Head,
    complete: bool,
    args: &mut Vec<Value<'gc>>,
) {
    let incoming = Object::new(&ctx, ctx.fetch(&side.incoming).as_object(), Class::Object);
    // The state of http.js (names in "_") is not enumerable: frameworks deep-copied requests
    // with process.mixin(true, ...), which must see only the message (facts file, "### http").
    let set = |object: Object<'gc>, name: &'static str, value: Value<'gc>| {
        let attributes = if name.starts_with('_') {
            Attributes::HIDDEN
        } else {
            Attributes::ALL
        };
        object.set_own_value(&ctx, names::key(ctx, name), value, attributes);
    };
    let version = if head.minor_version == 0 {
        "1.0"
    } else {
        "1.1"
    };
    let is_request = head.status == 0;
    let head_request = head.method == "HEAD";
    let keep_alive = head.keep_alive;
    if is_request {
        set(incoming, "method", method_value(ctx, &head.method));
        set(incoming, "url", ctx.string(&head.url));
    } else {
        set(
            incoming,
            "statusCode",
            Value::Number(f64::from(head.status)),
        );
        set(incoming, "client", connection);
    }
    set(incoming, "httpVersion", names::value(ctx, version));
    set(incoming, "headers", headers_object(ctx, head.headers));
    set(incoming, "connection", connection);
    set(incoming, "_keepAlive", Value::Bool(keep_alive));
    // The response starts with the prototype's defaults; only what differs is set.
    let outgoing = match &side.outgoing {
        Some(prototype) if is_request => {
            let response = Object::new(&ctx, ctx.fetch(prototype).as_object(), Class::Object);
            set(response, "connection", connection);
            if head.minor_version == 0 {
                set(response, "_chunkedByDefault", Value::Bool(false));
            }
            if !keep_alive {
                set(response, "_keepAlive", Value::Bool(false));
            }
            if head_request {
                set(response, "_hasBody", Value::Bool(false));
            }
            Value::Object(response)
        }
        _ => Value::Null,
    };
    args.extend([Value::Object(incoming), outgoing, Value::Bool(complete)]);
}

/// The headers as an object: names lower-cased, values one character per byte; a repeated
/// header's values joined with ", " (RFC 7230, 3.2.2).
fn headers_object<'gc>(ctx: Ctx<'gc>, headers: Vec<(String, Vec<u8>)>) -> Value<'gc> {
    let object = Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object);
    for (name, value) in headers {
        let key = header_key(ctx, &name);
        let value = match object.own_property(ctx, key).map(|p| p.slot) {
            Some(engine::object::Slot::Data(Value::String(earlier))) => {
                let mut joined = earlier
                    .to_units(&ctx)
                    .iter()
                    .map(|&u| u as u8)
                    .collect::<Vec<_>>();
                joined.extend_from_slice(b", ");
                joined.extend_from_slice(&value);
                joined
            }
            _ => value,
        };
        let value = Value::String(JsString::from_latin1(&ctx, value));
        object.set_own_value(&ctx, key, value, engine::object::Attributes::ALL);
    }
    Value::Object(object)
}

/// The property key of a header name, without allocating for the usual short ones.
fn header_key<'gc>(ctx: Ctx<'gc>, name: &str) -> PropertyKey<'gc> {
    let mut units = [0u16; 64];
    if name.len() <= units.len() && name.is_ascii() {
        for (unit, byte) in units.iter_mut().zip(name.bytes()) {
            *unit = u16::from(byte);
        }
        return ctx.realm().key_from_units(ctx, &units[..name.len()]);
    }
    ctx.realm().key(ctx, name)
}

fn function_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> NativeResult<'gc> {
    match arg(args, i) {
        f if f.as_object().is_some_and(|o| o.is_callable()) => Ok(f),
        _ => Err(ctx.type_error("a function was expected")),
    }
}

/// _http.parse(token, "request" | "response", handler, incomingPrototype, responsePrototype,
/// headersTimeout):
/// received bytes go through an HTTP parser; its events call `handler` on the connection:
/// ("message", incoming, response, complete), ("body", chunk), ("complete"),
/// ("parseError", why). A message without a body comes complete with its head.
fn parse<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let kind = match ops::to_string(*ctx, arg(args, 1))?
        .to_rust_string(ctx)
        .as_str()
    {
        "request" => http_parser::Kind::Request,
        _ => http_parser::Kind::Response,
    };
    let side = HttpSide {
        handler: ctx.stash(function_arg(ctx, args, 2)?),
        incoming: ctx.stash(arg(args, 3)),
        outgoing: match arg(args, 4) {
            Value::Object(prototype) => Some(ctx.stash(Value::Object(prototype))),
            _ => None,
        },
    };
    let mut parser = Parser::new(kind);
    // Milliseconds a request's head may take; 0 or none: no limit.
    let ms = ops::to_number(*ctx, arg(args, 5))?;
    if ms > 0.0 && ms.is_finite() {
        parser.head_timeout = Some(std::time::Duration::from_secs_f64(ms / 1000.0));
    }
    tcp::with_connection(ctx, args, |c| c.set_parser(parser, side))?;
    Ok(Value::Undefined)
}

/// _http.noBody(token): the next response answers a HEAD request.
fn no_body<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    tcp::with_connection(ctx, args, Connection::expect_no_body)?;
    Ok(Value::Undefined)
}

/// A flag of the message object (its own or its prototype's).
fn flag<'gc>(ctx: &Ctx<'gc>, message: Value<'gc>, name: &'static str) -> Result<bool, Throw<'gc>> {
    Ok(ops::get(*ctx, message, names::key(*ctx, name))?.to_boolean())
}

/// The method as a string: the common ones are kept interned.
fn method_value<'gc>(ctx: Ctx<'gc>, method: &str) -> Value<'gc> {
    match method {
        "GET" => names::value(ctx, "GET"),
        "POST" => names::value(ctx, "POST"),
        "HEAD" => names::value(ctx, "HEAD"),
        "PUT" => names::value(ctx, "PUT"),
        "DELETE" => names::value(ctx, "DELETE"),
        _ => ctx.string(method),
    }
}

/// _http.head(message, firstLine, headers): the head of `message` as a string. The headers are
/// an object or an array of [name, value] pairs. Then what the message needs to be framed,
/// as node v0.1.27's http.js decided it:
/// - no "Connection" header given: "keep-alive" when the message may keep the connection
///   (`_keepAlive`) and its end can be known (a length, chunks, or no body); else "close",
///   and the connection closes after it (`_closeOnFinish`);
/// - neither "Content-Length" nor "Transfer-Encoding" given, and a body: chunked when
///   `_chunkedByDefault` (HTTP/1.1), else the end of the connection ends the body.
///
/// Sets `_chunked` and `_closeOnFinish` on the message when they apply, and `_header` (to the
/// head) and `_headerSent` (false), all not enumerable.
fn head<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let message = arg(args, 0);
    let Value::Object(object) = message else {
        return Err(ctx.type_error("head: not a message"));
    };
    let mut out = Vec::with_capacity(256);
    append_string(ctx, ops::to_string(*ctx, arg(args, 1))?, &mut out);
    let (mut sent_connection, mut sent_length, mut sent_transfer) = (false, false, false);
    let (mut chunked, mut close) = (false, false);
    for (field, value) in header_pairs(ctx, arg(args, 2))? {
        let start = out.len();
        append_string(ctx, field, &mut out);
        let value_start = out.len() + 2;
        out.extend_from_slice(b": ");
        append_string(ctx, value, &mut out);
        let (name, value) = (&out[start..value_start - 2], &out[value_start..]);
        let says = |word: &[u8]| {
            value
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        if name.eq_ignore_ascii_case(b"connection") {
            sent_connection = true;
            close |= says(b"close");
        } else if name.eq_ignore_ascii_case(b"content-length") {
            sent_length = true;
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            sent_transfer = true;
            chunked |= says(b"chunk");
        }
        out.extend_from_slice(b"\r\n");
    }
    let has_body = flag(ctx, message, "_hasBody")?;
    let chunked_by_default = flag(ctx, message, "_chunkedByDefault")?;
    if !sent_connection {
        let end_known =
            sent_length || chunked || (chunked_by_default && !sent_transfer) || !has_body;
        if flag(ctx, message, "_keepAlive")? && end_known {
            out.extend_from_slice(b"Connection: keep-alive\r\n");
        } else {
            close = true;
            out.extend_from_slice(b"Connection: close\r\n");
        }
    }
    if !sent_length && !sent_transfer && has_body {
        if chunked_by_default {
            out.extend_from_slice(b"Transfer-Encoding: chunked\r\n");
            chunked = true;
        } else {
            close = true;
        }
    }
    out.extend_from_slice(b"\r\n");
    // The message's state is not enumerable (see `message_args`). `_header` and `_headerSent`
    // are made here, hidden, so that http.js's later assignments to them stay hidden.
    let hide = |name: &'static str, value: Value<'gc>| {
        object.set_own_value(ctx, names::key(*ctx, name), value, Attributes::HIDDEN);
    };
    if chunked {
        hide("_chunked", Value::Bool(true));
    }
    if close {
        hide("_closeOnFinish", Value::Bool(true));
    }
    let head = Value::String(JsString::from_latin1(ctx, out));
    hide("_header", head);
    hide("_headerSent", Value::Bool(false));
    Ok(head)
}

/// The (name, value) pairs of headers given as an object or as an array of pairs.
fn header_pairs<'gc>(
    ctx: &Ctx<'gc>,
    headers: Value<'gc>,
) -> Result<Vec<(JsString<'gc>, JsString<'gc>)>, Throw<'gc>> {
    let Value::Object(object) = headers else {
        return Ok(Vec::new());
    };
    let mut pairs = Vec::new();
    if matches!(object.borrow().class, Class::Array) {
        let length = ops::array_length(object, ctx.realm().atoms.length);
        for i in 0..length {
            let pair = ops::get(*ctx, headers, PropertyKey::Index(i))?;
            let name = ops::get(*ctx, pair, PropertyKey::Index(0))?;
            let value = ops::get(*ctx, pair, PropertyKey::Index(1))?;
            pairs.push((ops::to_string(*ctx, name)?, ops::to_string(*ctx, value)?));
        }
    } else {
        for key in ops::own_keys(object, true) {
            let value = ops::get(*ctx, headers, key)?;
            pairs.push((ops::key_to_string(*ctx, key), ops::to_string(*ctx, value)?));
        }
    }
    Ok(pairs)
}

/// Heads are written as "binary": one byte per character.
fn append_string<'gc>(ctx: &Ctx<'gc>, text: JsString<'gc>, out: &mut Vec<u8>) {
    text.with_units(ctx, |units| Encoding::Binary.append(&units, out));
}

/// _http.write(token, head, chunk, encoding, chunked, last): queues `head` (may be ""), then
/// `chunk` in `encoding` — as one chunk of chunked encoding when `chunked` — then, when `last`
/// and chunked, the terminating empty chunk. Returns whether the socket's queue is still short.
fn write<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let head = ops::to_string(*ctx, arg(args, 1))?;
    let chunk = ops::to_string(*ctx, arg(args, 2))?;
    let encoding = tcp::encoding_arg(ctx, arg(args, 3))?;
    let chunked = arg(args, 4).to_boolean();
    let last = arg(args, 5).to_boolean();
    let short = tcp::with_output(ctx, args, |out| {
        append_string(ctx, head, out);
        chunk.with_units(ctx, |units| {
            if units.is_empty() {
                // Nothing: an empty chunk would end a chunked body.
            } else if chunked {
                let length = byte_length(encoding, &units);
                // Writing to a Vec cannot fail.
                let _ = write!(out, "{length:x}\r\n");
                encoding.append(&units, out);
                out.extend_from_slice(b"\r\n");
            } else {
                encoding.append(&units, out);
            }
        });
        if last && chunked {
            out.extend_from_slice(b"0\r\n\r\n");
        }
    })?;
    Ok(Value::Bool(short))
}

/// How many bytes `units` take in `encoding`.
fn byte_length(encoding: Encoding, units: &Units<'_>) -> usize {
    match (encoding, units) {
        (Encoding::Utf8, Units::Latin1(bytes)) => {
            bytes.iter().map(|&b| if b < 0x80 { 1 } else { 2 }).sum()
        }
        (Encoding::Utf8, Units::Utf16(units)) => encoding.byte_length(units),
        _ => units.len(),
    }
}
