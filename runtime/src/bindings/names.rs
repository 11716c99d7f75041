//! Names the natives use on every event ("message", "headers", "_keepAlive", ...), interned
//! once and kept: making the string and looking it up in the realm's table each time showed
//! in the HTTP server's profile, and left garbage for the collector.

use engine::object::PropertyKey;
use engine::string::JsString;
use engine::value::Value;
use engine::vm::{Ctx, Handle};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

thread_local! {
    /// The interned string of each name, held by a handle. (One engine per thread: the
    /// JavaScript thread's.)
    static NAMES: RefCell<FxHashMap<&'static str, Handle>> = RefCell::default();
}

/// The interned string `name`.
pub fn string<'gc>(ctx: Ctx<'gc>, name: &'static str) -> JsString<'gc> {
    let cached = NAMES.with_borrow(|names| names.get(name).map(|handle| ctx.fetch(handle)));
    if let Some(Value::String(s)) = cached {
        return s;
    }
    let units: Vec<u16> = name.encode_utf16().collect();
    let interned = ctx.realm().intern(ctx, &units);
    NAMES.with_borrow_mut(|names| names.insert(name, ctx.stash(Value::String(interned))));
    interned
}

/// `name` as a property key (names here are never array indices).
pub fn key<'gc>(ctx: Ctx<'gc>, name: &'static str) -> PropertyKey<'gc> {
    PropertyKey::String(string(ctx, name))
}

/// `name` as a string value.
pub fn value<'gc>(ctx: Ctx<'gc>, name: &'static str) -> Value<'gc> {
    Value::String(string(ctx, name))
}
